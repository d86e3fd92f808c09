import Kernel
import TextLayout

/// `vars`: what the session holds.
struct Vars: CellCommand {
    static let configuration = CommandConfiguration(
        "vars", area: .session, summary: "show what the session holds: values, parameters and settings",
        examples: ["vars"])

    func run(in context: CommandContext) throws {
        let session = context.session
        var rows: [[String]] = []
        for name in session.values.keys.sorted() {
            let value = session.values[name]!
            rows.append([name, value.kind, value.summary])
        }
        for parameter in session.parameters {
            rows.append([parameter.name, "parameter", parameter.value])
        }
        // A setting that is empty and unset (role, output, region) has nothing to show; set lists it.
        for setting in session.knownSettings where !(session.settings[setting.name] ?? "").isEmpty {
            let value = session.settings[setting.name] ?? setting.defaultValue
            let note = value == setting.defaultValue ? " (default)" : ""
            rows.append([setting.name, "setting", value + note])
        }
        let table = TextTable(columns: [.init("name"), .init("kind"), .init("value")], rows: rows)
        if session.values.isEmpty {
            context.print("no frames, experiments or models yet: load a file or run a command that makes one")
        }
        context.print(table.render(maxWidth: context.width))
    }
}
