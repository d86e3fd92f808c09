import TextLayout

/// `help`, `vars`, `set`, `params` and `reset`.
enum SessionCommands {
    static let all: [Command] = [help, vars, set, params, reset]

    static let help = Command(
        "help", area: .session, usage: "help [CMD]",
        summary: "list the commands, or explain one",
        discussion: "Without a name, lists every command by area. With one, shows its usage, options and examples.",
        examples: ["help", "help set"]
    ) { line, context throws(KernelError) in
        let table = context.commands
        switch line.words.count {
        case 0:
            context.print(HelpText.overview(of: table, width: context.width))
        case 1:
            let name = line.words[0]
            guard let command = table[name] else {
                throw KernelError("no command named '\(name)'",
                                  hint: Suggestion.hint(for: name, in: table.names) ?? "run 'help' to list the commands")
            }
            context.print(HelpText.detail(of: command, width: context.width))
        default:
            throw table["help"]!.usageError("help takes at most one command name")
        }
    }

    static let vars = Command(
        "vars", area: .session, usage: "vars",
        summary: "show what the session holds: values, parameters and settings",
        examples: ["vars"]
    ) { line, context throws(KernelError) in
        guard line.arguments.isEmpty else { throw context.commands["vars"]!.usageError("vars takes no arguments") }
        let session = context.session
        var rows: [[String]] = []
        for name in session.values.keys.sorted() {
            let value = session.values[name]!
            rows.append([name, value.kind, value.summary])
        }
        for parameter in session.parameters {
            rows.append([parameter.name, "parameter", parameter.value])
        }
        for setting in session.knownSettings {
            let value = session.settings[setting.name] ?? setting.defaultValue
            let note = value == setting.defaultValue ? " (default)" : ""
            rows.append([setting.name, "setting", value + note])
        }
        let table = TextTable(columns: [.init("name"), .init("kind"), .init("value")], rows: rows)
        if session.values.isEmpty { context.print("no frames, experiments or models yet: load a file or run a command that makes one") }
        context.print(table.render(maxWidth: context.width))
    }

    static let params = Command(
        "params", area: .session, usage: "params NAME=DEFAULT...",
        summary: "declare parameters with defaults; pilot run --param overrides them",
        discussion: """
        A workbook's parameters are the values a reader may change without editing it: a seed, \
        a budget, a file name. '$name' in a later line reads one. `pilot run BOOK --param \
        seed=7` gives a parameter another value for that run, and this cell's output records \
        the values used and where each came from. A parameter named like a setting (seed, rows) \
        sets the setting.
        """,
        acceptsAnyOption: true,
        examples: ["params seed=0 budget=60s", "params data=bank-additional-full.csv"]
    ) { line, context throws(KernelError) in
        guard line.words.isEmpty, !line.options.isEmpty else {
            let word = line.words.first ?? "NAME"
            throw context.commands["params"]!.usageError("params takes NAME=DEFAULT pairs, e.g. params \(word)=VALUE")
        }
        let session = context.session
        var rows: [[String]] = []
        for option in line.options {
            let given = session.override(for: option.key)
            do throws(KernelError) {
                try session.declare(parameter: option.key, value: given ?? option.value)
            } catch {
                // The setting's own hint says `set`; here the value comes from this line or --param.
                let fix = given == nil ? "params \(option.key)=\(session.settings[option.key] ?? "VALUE")"
                                       : "--param \(option.key)=\(session.settings[option.key] ?? "VALUE")"
                throw KernelError(error.message, hint: "e.g. " + fix)
            }
            rows.append([option.key, given ?? option.value, given == nil ? "default" : "--param (default \(option.value))"])
        }
        context.print(TextTable(columns: [.init("parameter"), .init("value"), .init("from")], rows: rows)
            .render(maxWidth: context.width))
    }

    static let set = Command(
        "set", area: .session, usage: "set KEY=VALUE...",
        summary: "change session settings",
        discussion: """
        Without arguments, lists the settings and their values. '$name' in a later line reads a \
        setting or a parameter.

        settings:
        \(Setting.standard.map { "  \($0.name)  \($0.summary) (default \($0.defaultValue))" }.joined(separator: "\n"))
        """,
        acceptsAnyOption: true,
        examples: ["set seed=42", "set rows=20"]
    ) { line, context throws(KernelError) in
        guard line.words.isEmpty else {
            let word = line.words[0]
            throw KernelError("set takes KEY=VALUE, not '\(word)'", hint: "e.g. set \(word)=VALUE")
        }
        let session = context.session
        if line.options.isEmpty {
            let rows = session.knownSettings.map { [$0.name, session.settings[$0.name] ?? "", $0.summary] }
            context.print(TextTable(columns: [.init("setting"), .init("value"), .init("meaning")], rows: rows)
                .render(maxWidth: context.width))
            return
        }
        for option in line.options {
            try session.set(option.key, to: option.value)
            context.print("\(option.key) = \(option.value)")
        }
    }

    static let reset = Command(
        "reset", area: .session, usage: "reset",
        summary: "forget every value the session holds and restore default settings",
        discussion: "Parameters given with --param stay. Files on disk are not touched.",
        examples: ["reset"]
    ) { line, context throws(KernelError) in
        guard line.arguments.isEmpty else { throw context.commands["reset"]!.usageError("reset takes no arguments") }
        let count = context.session.reset()
        let noun = count == 1 ? "value" : "values"
        context.print("session reset: forgot \(count) \(noun); settings back to defaults")
    }
}
