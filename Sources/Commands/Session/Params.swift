import Diagnostics
import Kernel
import TextLayout

/// `params NAME=DEFAULT...`: a workbook's parameters.
struct Params: CellCommand {
    static let configuration = CommandConfiguration(
        "params", area: .session, summary: "declare parameters with defaults; pilot run --param overrides them",
        discussion: """
            A workbook's parameters are the values a reader may change without editing it: a seed, \
            a budget, a file name. '$name' in a later line reads one. `pilot run BOOK --param \
            seed=7` gives a parameter another value for that run, and this cell's output records \
            the values used and where each came from. A parameter named like a setting (seed, rows) \
            sets the setting.
            """,
        examples: ["params seed=0 budget=60s", "params data=bank-additional-full.csv"])

    @Assignments("NAME=DEFAULT...", required: true) var declared: [Assignment]

    func run(in context: CommandContext) throws {
        let session = context.session
        var rows: [[String]] = []
        for parameter in declared {
            let given = session.override(for: parameter.key)
            do throws(Diagnostic) {
                try session.declare(parameter: parameter.key, value: given ?? parameter.value)
            } catch {
                // The setting's own hint says `set`; here the value comes from this line or --param.
                let example = session.settings[parameter.key] ?? "VALUE"
                let fix = given == nil ? "params \(parameter.key)=\(example)" : "--param \(parameter.key)=\(example)"
                throw error.hinting("e.g. " + fix)
            }
            rows.append([
                parameter.key, given ?? parameter.value,
                given == nil ? "default" : "--param (default \(parameter.value))",
            ])
        }
        let columns: [TextTable.Column] = [.init("parameter"), .init("value"), .init("from")]
        var table = TextTable(columns: columns, rows: rows)
        if (table.render(maxWidth: .max).split(separator: "\n").first?.displayWidth ?? 0) > context.width {
            // Long values (a role's ARN): `from` says only where each came from, so every value
            // stays whole for the reader and for pilot check.
            table = TextTable(
                columns: columns, rows: rows.map { [$0[0], $0[1], $0[2].hasPrefix("--param") ? "--param" : $0[2]] })
        }
        context.print(table.render(maxWidth: context.width))
    }
}
