import Diagnostics

extension CommandSpec {
    /// Reads a line against a command's declarations: the words in their places, the clauses
    /// at the end, the options by name; every value through its parser. Each failure says what
    /// was wrong, points at the word, and hints at the fix.
    struct Parsing {
        var name: String
        var declarations: [Declaration]

        private struct Word {
            var text: String
            var quoted: Bool
            var column: Int
        }

        /// One list per declaration, in order: the parsed value(s), empty when absent.
        func values(of line: Invocation, session: Session?) throws(Diagnostic) -> [[Any]] {
            var words: [Word] = []
            var options: [String: (value: String, column: Int)] = [:]
            var assignments: [Any] = []
            let spec = CommandSpec.Usage(name: name, declarations: declarations)
            let declaredOptions = declarations.options
            let open = declarations.assignments != nil
            for located in line.arguments {
                switch located.argument {
                case .word(let text, let quoted):
                    words.append(Word(text: text, quoted: quoted, column: located.column))
                case .option(let key, let value):
                    if declaredOptions.contains(where: { $0.name == key }) {
                        options[key] = (value, located.column)
                    } else if open {
                        assignments.append(Assignment(key: key, value: value, column: located.column))
                    } else {
                        let known = declaredOptions.map(\.name)
                        let hint =
                            Suggestion.hint(for: key, in: known)
                            ?? (known.isEmpty
                                ? "\(name) takes no options; usage: \(spec.synopsis)"
                                : "options are " + known.map { "\($0)=" }.joined(separator: ", "))
                        throw Diagnostic(
                            "\(name) has no option '\(key)'", hint: hint,
                            at: place(located.column, in: line))
                    }
                }
            }
            if let expectation = declarations.verbatimExpectation {
                guard let script = words.first?.text, !script.isEmpty else {
                    throw Diagnostic("\(name) needs \(expectation)", hint: "usage: \(spec.synopsis)")
                }
                return declarations.map { if case .verbatim = $0 { [script] } else { [] } }
            }
            var clauseValues: [String: Word] = [:]
            try takeClauses(from: &words, into: &clauseValues, line: line, usage: spec)
            var positionalValues = try matchPositionals(words, line: line, usage: spec)
            var result: [[Any]] = []
            for declaration in declarations {
                switch declaration {
                case .positional(let positional):
                    let taken = positionalValues.removeFirst()
                    result.append(
                        try taken.map { word throws(Diagnostic) in
                            try read(word, with: positional.value, line: line, usage: spec)
                        })
                case .clause(let clause):
                    guard let word = clauseValues[clause.keyword] else {
                        if clause.isRequired {
                            throw Diagnostic(
                                "\(name) needs '\(clause.keyword) \(clause.placeholder)'",
                                hint: "usage: \(spec.synopsis)")
                        }
                        result.append([])
                        continue
                    }
                    result.append([try read(word, with: clause.value, line: line, usage: spec)])
                case .option(let option):
                    guard let given = options[option.name] else {
                        if option.isRequired { throw missing(option, words: words, session: session) }
                        result.append([])
                        continue
                    }
                    result.append([try read(option: option, given.value, line: line, column: given.column)])
                case .assignments(let declared):
                    if declared.isRequired, assignments.isEmpty {
                        throw Diagnostic("\(name) needs \(declared.placeholder)", hint: "usage: \(spec.synopsis)")
                    }
                    result.append(assignments)
                case .verbatim:
                    result.append([])
                }
            }
            return result
        }

        private func place(_ column: Int, in line: Invocation) -> SourceLocation {
            SourceLocation(line: line.line, column: column, sourceLine: line.text)
        }

        /// Takes `KEYWORD VALUE` pairs off the end of the words.
        private func takeClauses(
            from words: inout [Word], into values: inout [String: Word], line: Invocation,
            usage: Usage
        ) throws(Diagnostic) {
            let keywords = declarations.clauses.map(\.keyword)
            guard !keywords.isEmpty else { return }
            guard let first = words.firstIndex(where: { !$0.quoted && keywords.contains($0.text) }) else { return }
            var index = first
            while index < words.count {
                let keyword = words[index]
                guard keywords.contains(keyword.text), !keyword.quoted, values[keyword.text] == nil,
                    index + 1 < words.count, !(keywords.contains(words[index + 1].text) && !words[index + 1].quoted)
                else {
                    let stray = keywords.contains(keyword.text) ? keyword.text : words[first].text
                    throw Diagnostic(
                        "'\(stray)' must be followed by one \(placeholder(ofClause: stray)), at the end",
                        hint: "usage: \(usage.synopsis)", at: place(keyword.column, in: line))
                }
                values[keyword.text] = words[index + 1]
                index += 2
            }
            words.removeSubrange(first...)
        }

        private func placeholder(ofClause keyword: String) -> String {
            declarations.clauses.first { $0.keyword == keyword }?.placeholder.lowercased() ?? "value"
        }

        /// The words each positional takes, in order.
        private func matchPositionals(_ words: [Word], line: Invocation, usage: Usage) throws(Diagnostic) -> [[Word]] {
            let positionals = declarations.positionals
            var taken: [[Word]] = []
            var index = 0
            for (position, positional) in positionals.enumerated() {
                // Words the positionals after this one need at least.
                let later = positionals[(position + 1)...].reduce(0) { sum, next in
                    switch next.arity {
                    case .one: sum + 1 + (next.literal == nil ? 0 : 1)
                    case .optional: sum
                    case .many(let minimum): sum + minimum + (next.literal == nil || minimum == 0 ? 0 : 1)
                    }
                }
                if let literal = positional.literal {
                    if index < words.count, words[index].text == literal, !words[index].quoted {
                        index += 1
                    } else if positional.arity == .one || positional.arity == .many(minimum: 1) {
                        throw missing(
                            "'\(literal) \(positional.placeholder)'", at: index, in: words, line: line,
                            usage: usage)
                    } else {
                        taken.append([])
                        continue
                    }
                }
                switch positional.arity {
                case .one:
                    guard index < words.count else {
                        throw missing(positional.value.expectation, at: index, in: words, line: line, usage: usage)
                    }
                    taken.append([words[index]])
                    index += 1
                case .optional:
                    if index < words.count - later,
                        words[index].quoted || !isLiteral(words[index].text, after: position)
                    {
                        taken.append([words[index]])
                        index += 1
                    } else {
                        taken.append([])
                    }
                case .many(let minimum):
                    var end = max(index, words.count - later)
                    if let stop = words[index..<end].firstIndex(where: {
                        !$0.quoted && isLiteral($0.text, after: position)
                    }) {
                        end = stop
                    }
                    guard end - index >= minimum else {
                        throw missing(positional.value.expectation, at: index, in: words, line: line, usage: usage)
                    }
                    taken.append(Array(words[index..<end]))
                    index = end
                }
            }
            if index < words.count {
                let word = words[index]
                // A bare word where KEY=VALUE pairs go: say how to write it.
                if let assignments = declarations.assignments {
                    throw Diagnostic(
                        "\(name) takes \(assignments.placeholder.trimmingCharacters(in: ["[", "]"])), "
                            + "not '\(word.text)'",
                        hint: "e.g. \(name) \(word.text)=VALUE", at: place(word.column, in: line))
                }
                throw Diagnostic(
                    "\(name) does not take '\(word.text)' here", hint: "usage: \(usage.synopsis)",
                    at: place(word.column, in: line))
            }
            return taken
        }

        /// Whether `word` is the literal of a positional after `position` (`on`, `into`, `where`).
        private func isLiteral(_ word: String, after position: Int) -> Bool {
            declarations.positionals[(position + 1)...].contains { $0.literal == word }
        }

        private func missing(
            _ what: String, at index: Int, in words: [Word], line: Invocation,
            usage: Usage
        ) -> Diagnostic {
            let location = index < words.count ? place(words[index].column, in: line) : nil
            return Diagnostic("\(name) needs \(what)", hint: "usage: \(usage.synopsis)", at: location)
        }

        /// A required option that was not given; for a column, the hint lists the frame's columns.
        private func missing(_ option: Declaration.Option, words: [Word], session: Session?) -> Diagnostic {
            let message = "\(name) needs \(option.name)=\(option.placeholder): \(option.summary)"
            if option.kind == .column, let session,
                let frame = words.lazy.compactMap({ session.values[$0.text] as? any ColumnHolder }).first
            {
                return Diagnostic(message, hint: "columns: " + frame.columnNames.joined(separator: ", "))
            }
            return Diagnostic(message, hint: "e.g. \(option.name)=\(option.value.example)")
        }

        private func read(
            _ word: Word, with parser: ErasedParser, line: Invocation,
            usage: Usage
        ) throws(Diagnostic) -> Any {
            if let value = parser.read(word.text, word.quoted) { return value }
            throw Diagnostic(
                "'\(word.text)' is not \(parser.expectation)",
                hint: parser.advice ?? "usage: \(usage.synopsis)", at: place(word.column, in: line))
        }

        private func read(
            option: Declaration.Option, _ text: String, line: Invocation,
            column: Int
        ) throws(Diagnostic) -> Any {
            if let value = option.value.read(text, false) { return value }
            let key = option.name
            var hint = "\(key) takes \(option.value.expectation)"
            if case .choice(let words) = option.kind, let guess = Suggestion.closest(to: text, in: words) {
                hint = "did you mean '\(guess)'? " + hint
            } else if case .choice = option.kind {
            } else {
                hint += ", e.g. \(key)=\(option.value.example)"
            }
            throw Diagnostic(
                "\(key)=\(text) is not valid", hint: option.value.advice.map { hint + "; " + $0 } ?? hint,
                at: place(column, in: line))
        }
    }
}

/// A session value with columns (a frame), for hints and completion.
public protocol ColumnHolder: SessionValue {
    var columnNames: [String] { get }
}
