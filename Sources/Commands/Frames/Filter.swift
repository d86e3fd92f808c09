import Diagnostics
import Frames
import Kernel

/// `filter FRAME where COL OP VALUE [as NAME]`: the rows that meet a condition.
struct Filter: CellCommand {
    static let configuration = CommandConfiguration(
        "filter", area: .frames, summary: "keep the rows that meet a condition (OP: == != < <= > >=)",
        discussion: "Without 'as', the frame itself is replaced. Missing values never meet a condition.",
        examples: ["filter data where age >= 60 as seniors", "filter data where y == yes as subscribed"])

    @Argument(.frame) var frame: String
    @Argument(.column, after: "where") var column: String
    @Argument(.comparison) var comparison: RowCondition.Operator
    @Argument(.text("VALUE")) var value: String
    @Clause("as", .name) var name: String?

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let column = try data.requireColumn(self.column, in: frame)
        let condition = RowCondition(column: self.column, op: comparison, value: value)
        let indices: [Int]
        do throws(ConditionProblem) {
            indices = try data.indices(where: condition)
        } catch {
            switch error {
            case .noSuchColumn: throw Diagnostic("no column named '\(self.column)' in frame '\(frame)'")
            case .notANumber(let type):
                throw Diagnostic(
                    "'\(value)' is not a value of \(type.rawValue) column '\(column.name)'",
                    hint: type == .boolean ? "use true or false" : "compare \(column.name) with a number")
            case .orderOnText: throw Diagnostic("cannot order text")
            }
        }
        let target = name ?? frame
        let result = data.rows(indices)
        context.session.store(FrameValue(result, origin: "filter \(frame)"), as: target)
        context.print(
            "\(target): \(indices.count) of \(data.rowCount) rows where \(self.column) "
                + "\(comparison.rawValue) \(value); \(Sizes.shape(result))")
    }
}

extension ValueParser where Value == RowCondition.Operator {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    static var comparison: ValueParser {
        let operators = ["==", "!=", "<", "<=", ">", ">="]
        return ValueParser(
            placeholder: "OP", kind: .choice(operators),
            expectation: "a comparison", example: "==", advice: "use one of == != < <= > >="
        ) {
            RowCondition.Operator(rawValue: $0)
        }
    }
}
