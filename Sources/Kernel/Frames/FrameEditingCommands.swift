import Foundation
import Frames
import TextLayout

/// `drop`, `keep`, `filter`, `split` and `save`.
enum FrameEditingCommands {
    static let all: [Command] = [drop, keepColumns, filter, split, save]

    static let drop = Command(
        "drop", area: .frames, usage: "drop FRAME COL...", summary: "remove columns from a frame",
        examples: ["drop data duration"]
    ) { line, context throws(KernelError) in
        try reshape(line, context, verb: "dropped") { frame, columns in frame.dropping(Set(columns)) }
    }

    static let keepColumns = Command(
        "keep", area: .frames, usage: "keep FRAME COL...", summary: "keep only these columns, in this order",
        examples: ["keep data age job y"]
    ) { line, context throws(KernelError) in
        try reshape(line, context, verb: "kept") { frame, columns in frame.keeping(columns) }
    }

    /// `drop` and `keep`: check the frame and its columns, replace the frame, say what changed.
    private static func reshape(_ line: Invocation, _ context: CommandContext, verb: String,
                                _ transform: (Frame, [String]) -> Frame) throws(KernelError) {
        guard line.words.count >= 2 else {
            throw context.commands[line.name]!.usageError("\(line.name) takes a frame and columns")
        }
        let name = line.words[0]
        let value = try context.session.frameValue(name)
        let columns = Array(line.words.dropFirst())
        for column in columns { _ = try value.frame.requireColumn(column, in: name) }
        let result = transform(value.frame, columns)
        context.session.store(FrameValue(result, origin: value.origin), as: name)
        context.print("\(name): \(verb) \(columns.joined(separator: ", ")); \(Sizes.shape(result))")
    }

    static let filter = Command(
        "filter", area: .frames, usage: "filter FRAME where COL OP VALUE [as NAME]",
        summary: "keep the rows that meet a condition (OP: == != < <= > >=)",
        discussion: "Without 'as', the frame itself is replaced. Missing values never meet a condition.",
        examples: ["filter data where age >= 60 as seniors", "filter data where y == yes as subscribed"]
    ) { line, context throws(KernelError) in
        let (words, alias) = try line.trailing("as", in: line.words)
        let usage = context.commands["filter"]!
        guard words.count == 5, words[1] == "where" else {
            throw usage.usageError("write: filter FRAME where COL OP VALUE, with spaces around OP")
        }
        let name = words[0]
        let frame = try context.session.frame(name)
        guard let op = RowCondition.Operator(rawValue: words[3]) else {
            throw KernelError("'\(words[3])' is not a comparison", hint: "use one of == != < <= > >=")
        }
        let column = try frame.requireColumn(words[2], in: name)
        let condition = RowCondition(column: words[2], op: op, value: words[4])
        let indices: [Int]
        do throws(ConditionProblem) {
            indices = try frame.indices(where: condition)
        } catch {
            switch error {
            case .noSuchColumn: throw KernelError("no column named '\(words[2])' in frame '\(name)'")
            case .notANumber(let type):
                throw KernelError("'\(words[4])' is not a value of \(type.rawValue) column '\(column.name)'",
                                  hint: type == .boolean ? "use true or false" : "compare \(column.name) with a number")
            case .orderOnText: throw KernelError("cannot order text")
            }
        }
        let target = alias ?? name
        let result = frame.rows(indices)
        context.session.store(FrameValue(result, origin: "filter \(name)"), as: target)
        context.print("\(target): \(indices.count) of \(frame.rowCount) rows where \(words[2]) \(words[3]) \(words[4]); \(Sizes.shape(result))")
    }

    static let split = Command(
        "split", area: .frames, usage: "split FRAME into A B [ratio=0.8] [stratify=COL] [seed=N]",
        summary: "split rows at random into two frames (train and test)",
        discussion: "With stratify=COL each value of COL keeps its share in both parts. The seed defaults to the session's.",
        options: [.init("ratio", "R", "the first part's share of the rows (0.8)"),
                  .init("stratify", "COL", "keep this column's class shares in both parts"),
                  .init("seed", "N", "random seed (the 'seed' setting by default)")],
        examples: ["split data into train test ratio=0.8 stratify=y"]
    ) { line, context throws(KernelError) in
        let words = line.words
        guard words.count == 4, words[1] == "into" else {
            throw context.commands["split"]!.usageError("write: split FRAME into A B")
        }
        try Invocation.checkName(words[2])
        try Invocation.checkName(words[3])
        let frame = try context.session.frame(words[0])
        let ratio = try line.doubleOption("ratio", in: 0.01...0.99) ?? 0.8
        let seed = try line.intOption("seed", in: 0...Int(Int32.max)) ?? context.session.integerSetting("seed")
        var strata: [UInt32]?
        var stratifiedBy = ""
        if let name = line.option("stratify") {
            let column = try frame.requireColumn(name, in: words[0])
            strata = column.data.classCodes()
            stratifiedBy = ", stratified by \(name)"
        }
        let parts = RowSplit.split(rowCount: frame.rowCount, ratio: ratio, strata: strata, seed: UInt64(seed))
        let first = frame.rows(parts.first), second = frame.rows(parts.second)
        context.session.store(FrameValue(first, origin: "split \(words[0])"), as: words[2])
        context.session.store(FrameValue(second, origin: "split \(words[0])"), as: words[3])
        let percent = Int((ratio * 100).rounded())
        context.print("\(words[2]): \(Sizes.shape(first))")
        context.print("\(words[3]): \(Sizes.shape(second))")
        context.print("(\(percent)/\(100 - percent) at random\(stratifiedBy), seed \(seed))")
    }

    static let save = Command(
        "save", area: .frames, usage: "save FRAME to PATH",
        summary: "write a frame as CSV (tab-separated for .tsv)",
        examples: ["save stats to stats.csv"],
        risk: { line in
            let words = line.words
            return words.count == 3 && Kernel.Risk.leavesFolder(words[2]) ? "writes a file outside the workbook's folder (\(words[2]))" : nil
        }
    ) { line, context throws(KernelError) in
        let words = line.words
        guard words.count == 3, words[1] == "to" else { throw context.commands["save"]!.usageError("write: save FRAME to PATH") }
        let frame = try context.session.frame(words[0])
        let path = words[2]
        let separator: UInt8 = path.hasSuffix(".tsv") ? 0x09 : 0x2C
        let bytes = CSVWriter.bytes(of: frame, separator: separator)
        do {
            let url = URL(fileURLWithPath: context.session.resolve(path))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw KernelError("cannot write \(path): \(error.localizedDescription)", hint: "check the folder exists and is writable")
        }
        context.print("saved \(words[0]) to \(path): \(Sizes.shape(frame)), \(Sizes.bytes(Int64(bytes.count)))")
    }
}

extension ColumnData {
    /// A class number per row (for stratifying): string codes, booleans, or distinct numbers.
    func classCodes() -> [UInt32] {
        switch self {
        case .string(let codes, _): return Array(codes)
        default:
            var index: [Value: UInt32] = [:]
            return (0..<count).map { row in
                let value = value(at: row)
                if let code = index[value] { return code }
                let code = UInt32(index.count)
                index[value] = code
                return code
            }
        }
    }
}
