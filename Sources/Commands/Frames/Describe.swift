import Frames
import Kernel

/// `describe FRAME [COL...] [all] [into NAME]`: pandas' describe().
struct Describe: CellCommand {
    static let configuration = CommandConfiguration(
        "describe", area: .frames, summary: "summary statistics per column, as pandas' describe()",
        discussion: """
            Numbers get count, mean, std, min, quartiles and max; with 'all' (or naming them) string columns \
            get count, unique, top and freq. Numbers print as pandas prints them.
            """,
        examples: ["describe data", "describe data age duration", "describe data all", "describe data into stats"])

    @Argument(.frame) var frame: String
    @Argument(.column.shown("[COL...] [all]"), minimum: 0) var columns: [String]
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        var columns = columns
        var all = false
        if columns.last == "all", data.column(named: "all") == nil {
            all = true
            columns.removeLast()
        }
        for column in columns { _ = try data.requireColumn(column, in: frame) }
        let description = data.describe(columns: columns, all: all)
        context.print(description.table().render(maxWidth: context.width))
        if let into { context.keep(description.frame(), as: into, origin: "describe \(frame)") }
    }
}
