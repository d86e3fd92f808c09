extension CommandSpec {
    /// The usage line, as `help` and usage hints show it: `head FRAME [N]`.
    public var synopsis: String { Usage(name: name, declarations: declarations).synopsis }

    /// Usage lines made from the declarations.
    struct Usage {
        var name: String
        var declarations: [Declaration]

        /// The command with its words, clauses, required options, then the others: each
        /// `[key=VALUE]` when the line stays short, else `[key= key= ...]`.
        var synopsis: String {
            let head = ([name] + (placeholders.isEmpty ? [] : [placeholders])).joined(separator: " ")
            let optional = declarations.compactMap { declaration -> Declaration.Option? in
                if case .option(let option) = declaration, !option.isRequired { option } else { nil }
            }
            guard !optional.isEmpty else { return head }
            let full = head + " " + optional.map { "[\($0.name)=\($0.placeholder)]" }.joined(separator: " ")
            if full.count <= 96 { return full }
            return head + " [" + optional.map { $0.name + "=" }.joined(separator: " ") + "]"
        }

        /// Everything but the optional options: `FRAME target=COL [as EXP]`.
        var placeholders: String {
            var parts: [String] = []
            for declaration in declarations {
                switch declaration {
                case .positional(let positional):
                    if let usage = positional.usage {
                        parts.append(usage)
                        continue
                    }
                    var text = positional.placeholder
                    switch positional.arity {
                    case .one: break
                    case .optional: text = "[\(text)]"
                    case .many(let minimum): text = minimum == 0 ? "[\(text)...]" : text + "..."
                    }
                    if let literal = positional.literal {
                        text =
                            positional.arity == .optional
                            ? "[\(literal) \(positional.placeholder)]" : literal + " " + text
                    }
                    parts.append(text)
                case .verbatim(let placeholder, _):
                    parts.append(placeholder)
                case .clause, .option, .assignments:
                    break
                }
            }
            for declaration in declarations {
                switch declaration {
                case .option(let option) where option.isRequired:
                    parts.append("\(option.name)=\(option.placeholder)")
                case .assignments(let assignments):
                    parts.append(assignments.isRequired ? assignments.placeholder : "[\(assignments.placeholder)]")
                default:
                    break
                }
            }
            for case .clause(let clause) in declarations {
                let text = "\(clause.keyword) \(clause.placeholder)"
                parts.append(clause.isRequired ? text : "[\(text)]")
            }
            return parts.joined(separator: " ")
        }
    }
}
