import Kernel
import TextLayout

/// The text `help` prints, made from the command table.
enum HelpText {
    static func overview(of table: CommandTable, width: Int) -> String {
        var lines: [String] = []
        // Usages up to this wide share a column with the summaries; longer ones get their own line.
        let column = 28
        for area in CommandConfiguration.Area.allCases {
            let specs = table.specs.filter { $0.configuration.area == area }
            guard !specs.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(area.rawValue)
            for spec in specs {
                let usage = spec.synopsis
                let summary = spec.configuration.summary
                if usage.displayWidth <= column {
                    let line = "  " + usage.padded(to: column) + "  " + summary
                    lines.append(line.wrapped(to: width, indent: String(repeating: " ", count: column + 2)))
                } else {
                    lines.append(("  " + usage).wrapped(to: width, indent: "    "))
                    lines.append(
                        ("  " + String(repeating: " ", count: column + 2) + summary)
                            .wrapped(to: width, indent: ""))
                }
            }
        }
        lines.append("")
        lines.append("'help CMD' explains one command.")
        return lines.joined(separator: "\n")
    }

    static func detail(of spec: CommandSpec, width: Int) -> String {
        let configuration = spec.configuration
        var lines = [("usage: " + spec.synopsis).wrapped(to: width, indent: "       "), "", configuration.summary]
        if !configuration.discussion.isEmpty { lines.append(configuration.discussion.wrapped(to: width, indent: "")) }
        let options = spec.options
        if !options.isEmpty {
            lines.append("")
            lines.append("options:")
            let keys = options.map { $0.name + "=" + $0.placeholder }
            let keyWidth = keys.map(\.displayWidth).max() ?? 0
            for (key, option) in zip(keys, options) {
                var summary = option.summary
                if let defaultText = option.defaultText { summary += " (default \(defaultText))" }
                if option.isRequired { summary += " (required)" }
                lines.append(
                    ("  " + key.padded(to: keyWidth) + "  " + summary)
                        .wrapped(to: width, indent: String(repeating: " ", count: keyWidth + 4)))
            }
        }
        if !configuration.examples.isEmpty {
            lines.append("")
            lines.append("examples:")
            lines += configuration.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
