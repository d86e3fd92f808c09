/// A Markdown code fence line, recognised the CommonMark way.
struct Fence: Equatable {
    /// Spaces before the fence (0 to 3).
    var indent: Int
    /// The fence character: a backtick or a tilde.
    var character: UInt8
    /// How many fence characters open it (3 or more).
    var length: Int
    /// The info string after the fence, trimmed.
    var info: String

    /// The opening fence on this line, if it is one.
    static func opening(_ line: ArraySlice<UInt8>) -> Fence? {
        var i = line.startIndex
        var indent = 0
        while i < line.endIndex, line[i] == 0x20, indent < 4 { indent += 1; i += 1 }
        guard indent <= 3, i < line.endIndex, line[i] == 0x60 || line[i] == 0x7E else { return nil }
        let character = line[i]
        var length = 0
        while i < line.endIndex, line[i] == character { length += 1; i += 1 }
        guard length >= 3 else { return nil }
        let rest = line[i...]
        if character == 0x60, rest.contains(0x60) { return nil }
        let info = String(decoding: rest, as: UTF8.self).trimmingASCIIWhitespace()
        return Fence(indent: indent, character: character, length: length, info: info)
    }

    /// Whether this line closes a block opened by this fence.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        var indent = 0
        while i < line.endIndex, line[i] == 0x20, indent < 4 { indent += 1; i += 1 }
        guard indent <= 3 else { return false }
        var run = 0
        while i < line.endIndex, line[i] == character { run += 1; i += 1 }
        guard run >= length else { return false }
        return line[i...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The first word of the info string (the language), e.g. `pilot` or `python`.
    var language: Substring {
        info.prefix { $0 != " " && $0 != "\t" }
    }

    /// A backtick fence longer than every backtick run in `text` (at least three).
    static func backticks(longerThanRunsIn text: String) -> String {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            if byte == 0x60 { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before] == " " || scalars[before] == "\t" else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}
