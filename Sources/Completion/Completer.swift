import Foundation
import Kernel
import TextLayout

/// Tab completion for cells, from the command declarations: command names; then what the
/// command takes at the cursor (the frame, column, experiment, model or endpoint names the
/// session holds, paths, the words of a choice, `on` or `into` where the grammar has them);
/// option names (`target=`) and their values (`metric=F1`); `as`/`into`/`to` clauses.
///
/// No terminal here: the line-editing shell and the Jupyter kernel both use it.
///
/// ```swift
/// let completer = Completer(commands: .standard, shellCommands: [":save", ":quit"]) { session }
/// completer.complete("autopilot data tar").candidates  // ["target="]
/// ```
public struct Completer {
    public let commands: CommandTable
    /// The shell's own `:` commands.
    public let shellCommands: [String]
    /// The session whose names are offered; read when completing, so new names show up.
    public let session: () -> Session?

    public init(commands: CommandTable, shellCommands: [String] = [], session: @escaping () -> Session?) {
        self.commands = commands
        self.shellCommands = shellCommands
        self.session = session
    }

    /// What completing gave: the word being completed and the words it could become.
    public struct Completion: Equatable, Sendable {
        public var word: String
        public var candidates: [String]

        public init(word: String, candidates: [String]) {
            self.word = word
            self.candidates = candidates
        }

        /// The longest start all candidates share (at least the word itself).
        public var sharedPrefix: String {
            guard var shared = candidates.first else { return word }
            for candidate in candidates.dropFirst() {
                while !candidate.hasPrefix(shared) { shared.removeLast() }
            }
            return shared.count >= word.count ? shared : word
        }
    }

    /// Completes the last word of `typed` (the line up to the cursor).
    public func complete(_ typed: String) -> Completion {
        let words = Self.words(typed)
        let word = words.last ?? ""
        let before = Array(words.dropLast())
        guard let commandName = before.first else {
            let names = word.hasPrefix(":") ? shellCommands : commands.names
            return Completion(word: word, candidates: names.filter { $0.hasPrefix(word) })
        }
        var candidates: [String]
        if commandName.hasPrefix(":") {
            candidates = paths(completing: word)
        } else if let spec = commands[commandName] {
            candidates = complete(word, after: Array(before.dropFirst()), of: spec)
        } else {
            candidates = []
        }
        var seen = Set<String>()
        return Completion(word: word, candidates: candidates.filter { seen.insert($0).inserted })
    }

    /// What `word` may become after `typed`, the words between the command and it.
    private func complete(_ word: String, after typed: [String], of spec: CommandSpec) -> [String] {
        if spec.isVerbatim { return paths(completing: word) }
        if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            let value = String(word[word.index(after: equals)...])
            guard let option = spec.option(key) else { return [] }
            return values(of: option.kind, completing: value, line: typed).map { key + "=" + $0 }
        }
        let clauses = spec.clauses
        if let previous = typed.last, let clause = clauses.first(where: { $0.keyword == previous }) {
            return values(of: clause.kind, completing: word, line: typed)
        }
        var candidates: [String] = []
        var plain: [String] = []
        var index = 0
        while index < typed.count {
            let current = typed[index]
            if clauses.contains(where: { $0.keyword == current }) {
                index += 2
                continue
            }
            if !current.contains("=") { plain.append(current) }
            index += 1
        }
        let (positional, required) = next(after: plain, in: spec.positionals, completing: word, line: typed)
        candidates += positional
        // Options and clauses once the words the command needs are there.
        if !required {
            let given = Set(typed.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
            candidates += spec.options.filter { !given.contains($0.name) }.map { $0.name + "=" }
            if let assignments = spec.assignments {
                candidates += keys(of: assignments.keys).map { $0 + "=" }
            }
            candidates += clauses.filter { !typed.contains($0.keyword) }.map(\.keyword)
        }
        return candidates.filter { $0.hasPrefix(word) }
    }

    /// The candidates for the positional after the `plain` words typed so far, and whether the
    /// command still needs it (then nothing else is offered).
    private func next(
        after plain: [String], in positionals: [Declaration.Positional], completing word: String,
        line: [String]
    ) -> (candidates: [String], required: Bool) {
        var remaining = plain[...]
        for (position, positional) in positionals.enumerated() {
            let needed = positional.arity == .one || positional.arity == .many(minimum: 1)
            if let literal = positional.literal {
                if remaining.first == literal {
                    remaining = remaining.dropFirst()
                } else if remaining.isEmpty {
                    return ([literal], needed)
                } else if !needed {
                    continue
                }
            }
            switch positional.arity {
            case .one, .optional:
                if remaining.isEmpty {
                    var offered = values(of: positional.kind, completing: word, line: line)
                    if positional.arity == .optional, let literal = positionals.dropFirst(position + 1).first?.literal {
                        offered.append(literal)
                    }
                    return (offered, needed)
                }
                remaining = remaining.dropFirst()
            case .many(let minimum):
                let literal = positionals.dropFirst(position + 1).first?.literal
                if let literal, let stop = remaining.firstIndex(of: literal) {
                    remaining = remaining[stop...]
                    continue
                }
                let offered = values(of: positional.kind, completing: word, line: line) + (literal.map { [$0] } ?? [])
                return (offered, remaining.count < minimum)
            }
        }
        return ([], false)
    }

    /// The values of a kind that start with `word`.
    private func values(of kind: ValueKind, completing word: String, line: [String]) -> [String] {
        let offered: [String]
        switch kind {
        case .choice(let words): offered = words
        case .frame: offered = names(ofKind: "frame")
        case .experiment: offered = names(ofKind: "experiment")
        case .model: offered = models()
        case .endpoint: offered = names(ofKind: "endpoint")
        case .modelOrEndpoint: offered = names(ofKind: "endpoint") + models()
        case .column: offered = columns(line: line)
        case .columns:
            let done = word.lastIndex(of: ",").map { String(word[...$0]) } ?? ""
            return columns(line: line).map { done + $0 }.filter { $0.hasPrefix(word) }
        case .path: return paths(completing: word)
        case .frameOrPath: return names(ofKind: "frame").filter { $0.hasPrefix(word) } + paths(completing: word)
        case .command: offered = commands.names
        case .setting: offered = session()?.knownSettings.map(\.name) ?? []
        case .text, .newName, .url: offered = []
        }
        return offered.filter { $0.hasPrefix(word) }
    }

    private func keys(of kind: ValueKind) -> [String] {
        switch kind {
        case .choice(let words): words
        case .setting: session()?.knownSettings.map(\.name) ?? []
        default: []
        }
    }

    /// The names the session holds of one kind, sorted.
    private func names(ofKind kind: String) -> [String] {
        guard let session = session() else { return [] }
        return session.values.filter { $0.value.kind == kind }.keys.sorted()
    }

    /// `EXP.best` for each experiment.
    private func models() -> [String] {
        names(ofKind: "experiment").map { $0 + ".best" }
    }

    /// The columns of every frame named on the line.
    private func columns(line: [String]) -> [String] {
        guard let session = session() else { return [] }
        return line.compactMap { session.values[$0] as? any ColumnHolder }.flatMap(\.columnNames)
    }

    /// The words of a line as typed so far; the last is empty after a space.
    public static func words(_ typed: String) -> [String] {
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

    /// Files and folders that start with `word`, relative to the session's folder; folders end in `/`.
    public func paths(completing word: String) -> [String] {
        let base = session()?.workingDirectory ?? FileManager.default.currentDirectoryPath
        let slash = word.lastIndex(of: "/")
        let folderPart = slash.map { String(word[...$0]) } ?? ""
        let namePart = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var folder = folderPart
        if folder.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            folder = home + folder.dropFirst()
        }
        let absolute = folder.hasPrefix("/") ? folder : base + "/" + folder
        let listing = try? FileManager.default.contentsOfDirectory(atPath: absolute.isEmpty ? "." : absolute)
        guard let entries = listing else { return [] }
        let shown = entries.filter { $0.hasPrefix(namePart) && ($0.first != "." || namePart.hasPrefix(".")) }
        return shown.sorted().map { name in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: absolute + "/" + name, isDirectory: &isFolder)
            return folderPart + name + (isFolder.boolValue ? "/" : "")
        }
    }

    /// Candidates laid out in columns to fit `width`, as shells list them.
    public static func columns(_ candidates: [String], width: Int) -> String {
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
