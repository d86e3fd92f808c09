import Frames
import Kernel

/// `head FRAME [N]`: the first rows.
struct Head: CellCommand {
    static let configuration = CommandConfiguration(
        "head", area: .frames, summary: "show the first N rows (5 by default)", examples: ["head data", "head data 10"])

    @Argument(.frame) var frame: String
    @Argument(.count, default: 5) var rows: Int

    func run(in context: CommandContext) throws {
        try RowWindow.show(frame, rows: rows, fromEnd: false, context: context)
    }
}

/// `tail FRAME [N]`: the last rows.
struct Tail: CellCommand {
    static let configuration = CommandConfiguration(
        "tail", area: .frames, summary: "show the last N rows (5 by default)", examples: ["tail data"])

    @Argument(.frame) var frame: String
    @Argument(.count, default: 5) var rows: Int

    func run(in context: CommandContext) throws {
        try RowWindow.show(frame, rows: rows, fromEnd: true, context: context)
    }
}

/// The rows `head` and `tail` show, as a table with a note of the rest.
enum RowWindow {
    static func show(_ name: String, rows: Int, fromEnd: Bool, context: CommandContext) throws {
        let frame = try context.session.frame(name)
        let count = min(rows, 10_000, frame.rowCount)
        let range = fromEnd ? (frame.rowCount - count)..<frame.rowCount : 0..<count
        var table = frame.table(rows: range)
        let rest = frame.rowCount - count
        if rest > 0 { table.hiddenRowsNote = "… \(rest) more row\(rest == 1 ? "" : "s") (\(Sizes.shape(frame)))" }
        context.print(table.render(maxWidth: context.width))
    }
}
