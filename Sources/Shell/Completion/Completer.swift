import Foundation
import Kernel
import TextLayout

/// Tab completion for cells: command names, the option names of the command being typed
/// (`target=`, `metric=`), names the session holds (frames, experiments, models, endpoints), the
/// columns of frames named on the line, and file paths.
///
/// ```swift
/// let completer = Completer(commands: .builtin, shellCommands: [":save", ":quit"]) { session }
/// completer.complete("autopilot data tar").candidates  // ["target="]
/// ```
struct Completer {
    let commands: CommandTable
    /// The shell's own `:` commands.
    let shellCommands: [String]
    /// The session whose names are offered; read when completing, so new names show up.
    let session: () -> Session?

    /// What completing gave: the word being completed and the words it could become.
    struct Completion: Equatable {
        var word: String
        var candidates: [String]

        /// The longest start all candidates share (at least the word itself).
        var sharedPrefix: String {
            guard var shared = candidates.first else { return word }
            for candidate in candidates.dropFirst() {
                while !candidate.hasPrefix(shared) { shared.removeLast() }
            }
            return shared.count >= word.count ? shared : word
        }
    }

    /// Completes the last word of `typed` (the line up to the cursor).
    func complete(_ typed: String) -> Completion {
        let words = Self.words(typed)
        let word = words.last ?? ""
        let before = words.dropLast()
        guard let commandName = before.first else {
            let names = word.hasPrefix(":") ? shellCommands : commands.names
            return Completion(word: word, candidates: names.filter { $0.hasPrefix(word) })
        }
        var candidates: [String] = []
        if commandName.hasPrefix(":") {
            candidates = paths(completing: word)
        } else if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            let typedValue = String(word[word.index(after: equals)...])
            candidates = values(for: key, command: commandName, line: Array(before))
                .filter { $0.hasPrefix(typedValue) }.map { key + "=" + $0 }
        } else {
            let command = commands[commandName]
            let options = (command?.options ?? []).map { $0.name + "=" }
                .filter { option in !before.contains { $0.hasPrefix(option) } }
            candidates = options + sessionNames() + columns(line: Array(before))
            if Self.takesPaths.contains(commandName) || word.contains("/") || word.hasPrefix(".") {
                candidates += paths(completing: word)
            }
            candidates = candidates.filter { $0.hasPrefix(word) }
        }
        var seen = Set<String>()
        return Completion(word: word, candidates: candidates.filter { seen.insert($0).inserted })
    }

    /// Commands whose words are mostly file paths.
    static let takesPaths: Set<String> = ["load", "download", "unzip", "save", "help"]

    /// The words of a line as typed so far; the last is empty after a space.
    static func words(_ typed: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuote = false
        for character in typed {
            if character == "\"" { inQuote.toggle() }
            if !inQuote, character == " " || character == "\t" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words
    }

    /// Names the session holds, with `EXP.best` for each experiment.
    private func sessionNames() -> [String] {
        guard let session = session() else { return [] }
        var names: [String] = []
        for (name, value) in session.values.sorted(by: { $0.key < $1.key }) {
            names.append(name)
            if value.kind == "experiment" { names.append(name + ".best") }
        }
        return names
    }

    /// The columns of every frame named on the line.
    private func columns(line: [String]) -> [String] {
        guard let session = session() else { return [] }
        return line.compactMap { session.values[$0] as? FrameValue }.flatMap(\.frame.columnNames)
    }

    /// Values for `key=`: the choices its value pattern lists (`yes|no`), or columns for column keys.
    private func values(for key: String, command: String, line: [String]) -> [String] {
        guard let option = commands[command]?.options.first(where: { $0.name == key }) else { return [] }
        if option.value.contains("|") { return option.value.split(separator: "|").map(String.init) }
        if option.value.uppercased().hasPrefix("COL") { return columns(line: line) }
        return []
    }

    /// Files and folders that start with `word`, relative to the session's folder; folders end in `/`.
    func paths(completing word: String) -> [String] {
        let base = session()?.workingDirectory ?? FileManager.default.currentDirectoryPath
        let slash = word.lastIndex(of: "/")
        let folderPart = slash.map { String(word[...$0]) } ?? ""
        let namePart = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var folder = folderPart
        if folder.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            folder = home + folder.dropFirst()
        }
        let absolute = folder.hasPrefix("/") ? folder : base + "/" + folder
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute.isEmpty ? "." : absolute) else {
            return []
        }
        return entries.filter { $0.hasPrefix(namePart) && ($0.first != "." || namePart.hasPrefix(".")) }.sorted().map { name in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: absolute + "/" + name, isDirectory: &isFolder)
            return folderPart + name + (isFolder.boolValue ? "/" : "")
        }
    }

    /// Candidates laid out in columns to fit `width`, as shells list them.
    static func columns(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map(\.displayWidth).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var text = ""
        for (index, candidate) in candidates.enumerated() {
            let last = index % perRow == perRow - 1 || index == candidates.count - 1
            text += last ? candidate + "\n" : candidate.padded(to: cell)
        }
        return text
    }
}
