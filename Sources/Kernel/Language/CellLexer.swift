import Diagnostics

/// Splits a cell's source into command lines.
///
/// The language is deliberately small: one command per line; `#` after whitespace starts a
/// comment; words are separated by spaces or tabs; `"double quotes"` keep spaces and accept
/// `\"`, `\\`, `\$`, `\n` and `\t`; `key=value` is an option when `key` is an identifier;
/// `$name` and `${name}` are replaced by the parameter or setting of that name. A line of a
/// ``verbatim`` command (`sh`) keeps the rest of the line as written, as one word.
public struct CellLexer {
    /// Looks up `$name`; `nil` when there is no such name.
    public var resolve: (String) -> String?
    /// Commands whose lines are not lexed after the name.
    public var verbatim: Set<String>

    public init(verbatim: Set<String> = [], resolve: @escaping (String) -> String? = { _ in nil }) {
        self.verbatim = verbatim
        self.resolve = resolve
    }

    /// The command lines of `source`, skipping blank and comment-only lines.
    public func commands(in source: String) throws(Diagnostic) -> [Invocation] {
        var result: [Invocation] = []
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let text = String(line.last == "\r" ? line.dropLast() : line)
            if let invocation = verbatimInvocation(text, line: index + 1) {
                result.append(invocation)
                continue
            }
            let arguments = try lex(text, line: index + 1)
            guard let first = arguments.first else { continue }
            guard case .word(let name, false) = first.argument else {
                throw Diagnostic(
                    "a line must start with a command, not \(describe(first.argument))",
                    hint: "write the command first, e.g. 'set seed=42'",
                    at: SourceLocation(line: index + 1, column: first.column, sourceLine: text))
            }
            result.append(Invocation(name: name, arguments: Array(arguments.dropFirst()), line: index + 1, text: text))
        }
        return result
    }

    /// The line as a ``verbatim`` command's: its name, then the rest of the line (trimmed) as
    /// one quoted word; `nil` for any other line.
    private func verbatimInvocation(_ text: String, line: Int) -> Invocation? {
        let characters = Array(text)
        var start = 0
        while start < characters.count, characters[start] == " " || characters[start] == "\t" { start += 1 }
        var end = start
        while end < characters.count, characters[end] != " ", characters[end] != "\t" { end += 1 }
        let name = String(characters[start..<end])
        guard verbatim.contains(name) else { return nil }
        var restStart = end
        while restStart < characters.count, characters[restStart] == " " || characters[restStart] == "\t" {
            restStart += 1
        }
        var rest = String(characters[restStart...])
        while rest.last == " " || rest.last == "\t" { rest.removeLast() }
        let arguments =
            rest.isEmpty ? [] : [Invocation.Located(argument: .word(rest, quoted: true), column: restStart + 1)]
        return Invocation(name: name, arguments: arguments, line: line, text: text)
    }

    private func describe(_ argument: Invocation.Argument) -> String {
        switch argument {
        case .word(let word, _): "\"\(word)\""
        case .option(let key, let value): "the option '\(key)=\(value)'"
        }
    }

    private func lex(_ text: String, line: Int) throws(Diagnostic) -> [Invocation.Located] {
        let characters = Array(text)
        var arguments: [Invocation.Located] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "#" { break }
            let start = i
            var word = ""
            var quotedAll = c == "\""
            var key: String?
            var sawQuote = false
            while i < characters.count, characters[i] != " ", characters[i] != "\t" {
                let ch = characters[i]
                if ch == "\"" {
                    sawQuote = true
                    let open = i
                    i += 1
                    var closed = false
                    while i < characters.count {
                        let q = characters[i]
                        if q == "\"" { closed = true; i += 1; break }
                        if q == "\\", i + 1 < characters.count {
                            let next = characters[i + 1]
                            switch next {
                            case "n": word.append("\n")
                            case "t": word.append("\t")
                            default: word.append(next)
                            }
                            i += 2
                            continue
                        }
                        if q == "$" {
                            try interpolate(characters, &i, into: &word, line: line, text: text)
                            continue
                        }
                        word.append(q)
                        i += 1
                    }
                    guard closed else {
                        throw Diagnostic(
                            "this quote is never closed", hint: "add a closing \" at the end of the value",
                            at: SourceLocation(line: line, column: open + 1, sourceLine: text))
                    }
                    continue
                }
                if ch == "=", key == nil, !sawQuote, isIdentifier(word) {
                    key = word
                    word = ""
                    quotedAll = false
                    i += 1
                    continue
                }
                if ch == "$" {
                    try interpolate(characters, &i, into: &word, line: line, text: text)
                    continue
                }
                if ch == "\\", i + 1 < characters.count, characters[i + 1] == "$" {
                    word.append("$")
                    i += 2
                    continue
                }
                word.append(ch)
                i += 1
            }
            if quotedAll, i - start >= 2, characters[i - 1] != "\"" { quotedAll = false }
            let argument: Invocation.Argument =
                key.map { .option(key: $0, value: word) } ?? .word(word, quoted: quotedAll)
            arguments.append(Invocation.Located(argument: argument, column: start + 1))
        }
        return arguments
    }

    private func interpolate(
        _ characters: [Character], _ i: inout Int, into word: inout String,
        line: Int, text: String
    ) throws(Diagnostic) {
        let start = i
        i += 1
        var name = ""
        if i < characters.count, characters[i] == "{" {
            i += 1
            while i < characters.count, characters[i] != "}" { name.append(characters[i]); i += 1 }
            guard i < characters.count else {
                throw Diagnostic(
                    "'${' is never closed", hint: "write ${name}",
                    at: SourceLocation(line: line, column: start + 1, sourceLine: text))
            }
            i += 1
        } else {
            while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" {
                name.append(characters[i])
                i += 1
            }
        }
        guard !name.isEmpty else {
            word.append("$")
            return
        }
        guard let value = resolve(name) else {
            throw Diagnostic(
                "no parameter or setting named '\(name)'",
                hint: "pass it with --param \(name)=VALUE, or write \\$ for a literal $",
                at: SourceLocation(line: line, column: start + 1, sourceLine: text))
        }
        word += value
    }

    private func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }
}
