import Kernel
import TextLayout

/// `set KEY=VALUE...`: the session's settings.
struct SetCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "set", area: .session, summary: "change session settings",
        discussion: """
            Without arguments, lists the settings and their values. '$name' in a later line reads a \
            setting or a parameter.

            settings:
            \(Self.settingsList)
            """,
        examples: ["set seed=42", "set rows=20"])

    @Assignments(keys: .setting) var changes: [Assignment]

    /// One line per setting, with its default.
    static var settingsList: String {
        Setting.standard.map { "  \($0.name)  \($0.summary) (default \($0.defaultValue))" }.joined(separator: "\n")
    }

    func run(in context: CommandContext) throws {
        let session = context.session
        if changes.isEmpty {
            let rows = session.knownSettings.map { [$0.name, session.settings[$0.name] ?? "", $0.summary] }
            context.print(
                TextTable(columns: [.init("setting"), .init("value"), .init("meaning")], rows: rows)
                    .render(maxWidth: context.width))
            return
        }
        for change in changes {
            try session.set(change.key, to: change.value)
            context.print("\(change.key) = \(change.value)")
        }
    }
}
