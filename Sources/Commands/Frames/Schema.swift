import Frames
import Kernel
import TextLayout

/// `schema FRAME [into NAME]`: the columns and their types.
struct Schema: CellCommand {
    static let configuration = CommandConfiguration(
        "schema", area: .frames, summary: "list the columns with their type, non-null and unique counts",
        examples: ["schema data"])

    @Argument(.frame) var frame: String
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let rows = data.columns.map { column -> [String] in
            [
                column.name, column.type.rawValue, String(column.count - column.data.missingCount),
                String(column.distinctCount),
            ]
        }
        let table = TextTable(
            columns: [
                .init("column"), .init("type"), .init("non-null", alignment: .right),
                .init("unique", alignment: .right),
            ], rows: rows)
        context.print(table.render(maxWidth: context.width))
        if let into {
            let result = Frame(columns: [
                Column(name: "column", data: .strings(rows.map { $0[0] })),
                Column(name: "type", data: .strings(rows.map { $0[1] })),
                Column(name: "non_null", data: .int(rows.map { Int64($0[2])! }, missing: nil)),
                Column(name: "unique", data: .int(rows.map { Int64($0[3])! }, missing: nil)),
            ])
            context.keep(result, as: into, origin: "schema \(frame)")
        }
    }
}
