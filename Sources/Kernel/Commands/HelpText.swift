import TextLayout

/// The text `help` prints, made from the command table.
enum HelpText {
    static func overview(of table: CommandTable, width: Int) -> String {
        var lines: [String] = []
        // Usages up to this wide share a column with the summaries; longer ones get their own line.
        let column = 28
        for area in Command.Area.allCases {
            let commands = table.commands.filter { $0.area == area }
            guard !commands.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(area.rawValue)
            for command in commands {
                if command.usage.displayWidth <= column {
                    let line = "  " + command.usage.padded(to: column) + "  " + command.summary
                    lines.append(line.wrapped(to: width, indent: String(repeating: " ", count: column + 2)))
                } else {
                    lines.append(("  " + command.usage).wrapped(to: width, indent: "    "))
                    lines.append(("  " + String(repeating: " ", count: column + 2) + command.summary)
                        .wrapped(to: width, indent: ""))
                }
            }
        }
        lines.append("")
        lines.append("'help CMD' explains one command.")
        return lines.joined(separator: "\n")
    }

    static func detail(of command: Command, width: Int) -> String {
        var lines = ["usage: " + command.usage, "", command.summary]
        if !command.discussion.isEmpty { lines.append(command.discussion.wrapped(to: width, indent: "")) }
        if !command.options.isEmpty {
            lines.append("")
            lines.append("options:")
            let width = command.options.map { ($0.name + "=" + $0.value).displayWidth }.max() ?? 0
            for option in command.options {
                lines.append("  " + (option.name + "=" + option.value).padded(to: width) + "  " + option.summary)
            }
        }
        if !command.examples.isEmpty {
            lines.append("")
            lines.append("examples:")
            lines += command.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
