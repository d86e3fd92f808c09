import Frames
import Kernel

/// `split FRAME into A B`: train and test.
struct Split: CellCommand {
    static let configuration = CommandConfiguration(
        "split", area: .frames, summary: "split rows at random into two frames (train and test)",
        discussion: """
            With stratify=COL each value of COL keeps its share in both parts. The seed defaults to the session's.
            """,
        examples: ["split data into train test ratio=0.8 stratify=y"])

    @Argument(.frame) var frame: String
    @Argument(.name.named("A"), after: "into") var first: String
    @Argument(.name.named("B")) var second: String
    @Option(.number(in: 0.01...0.99, "R", example: "0.8"), "the first part's share of the rows", default: 0.8)
    var ratio: Double
    @Option(.column, "keep this column's class shares in both parts") var stratify: String?
    @Option(.seed, "random seed (the 'seed' setting by default)") var seed: Int?

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let seed = seed ?? context.session.integerSetting("seed")
        var strata: [UInt32]?
        var stratifiedBy = ""
        if let stratify {
            let column = try data.requireColumn(stratify, in: frame)
            strata = column.data.classCodes()
            stratifiedBy = ", stratified by \(stratify)"
        }
        let parts = RowSplit.split(rowCount: data.rowCount, ratio: ratio, strata: strata, seed: UInt64(seed))
        let firstPart = data.rows(parts.first), secondPart = data.rows(parts.second)
        context.session.store(FrameValue(firstPart, origin: "split \(frame)"), as: first)
        context.session.store(FrameValue(secondPart, origin: "split \(frame)"), as: second)
        let percent = Int((ratio * 100).rounded())
        context.print("\(first): \(Sizes.shape(firstPart))")
        context.print("\(second): \(Sizes.shape(secondPart))")
        context.print("(\(percent)/\(100 - percent) at random\(stratifiedBy), seed \(seed))")
    }
}
