/// Reads a whole cell: one line, or several when a line asks for more.
///
/// A line ending in `\` continues on the next line as another command of the same cell; a line
/// with an open `"` continues the quoted value on the next line (joined with `\n`, which the
/// cell language reads as a line break inside quotes).
struct CellReader {
    let source: any LineSource
    var prompt: String
    var continuationPrompt: String

    /// The next cell's source; `.interrupted` or `.end` as the line source reports them.
    func read() -> LineRead {
        var lines: [String] = []
        var pending = ""
        while true {
            let read = source.read(prompt: lines.isEmpty && pending.isEmpty ? prompt : continuationPrompt)
            guard case .line(let text) = read else {
                return read == .end && !(lines.isEmpty && pending.isEmpty) ? .line(finish(lines, pending)) : read
            }
            let line = pending.isEmpty ? text : pending + "\\n" + text
            pending = ""
            switch Self.continuation(of: line) {
            case .none:
                lines.append(line)
                return .line(finish(lines, ""))
            case .nextCommand:
                lines.append(String(line.dropLast()))
            case .openQuote:
                pending = line
            }
        }
    }

    private func finish(_ lines: [String], _ pending: String) -> String {
        (lines + (pending.isEmpty ? [] : [pending])).joined(separator: "\n")
    }

    enum Continuation: Equatable { case none, nextCommand, openQuote }

    /// Whether `line` goes on in the next line, and how.
    static func continuation(of line: String) -> Continuation {
        var inQuote = false
        var escaped = false
        var previous: Character = " "
        for character in line {
            defer { previous = character }
            if escaped { escaped = false; continue }
            if inQuote, character == "\\" { escaped = true; continue }
            if character == "\"" { inQuote.toggle(); continue }
            if !inQuote, character == "#", previous == " " || previous == "\t" { return .none }
        }
        if inQuote { return .openQuote }
        var trailing = 0
        for character in line.reversed() {
            guard character == "\\" else { break }
            trailing += 1
        }
        return trailing % 2 == 1 ? .nextCommand : .none
    }
}
