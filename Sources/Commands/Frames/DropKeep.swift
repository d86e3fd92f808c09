import Frames
import Kernel

/// `drop FRAME COL...`: remove columns.
struct Drop: CellCommand {
    static let configuration = CommandConfiguration(
        "drop", area: .frames, summary: "remove columns from a frame", examples: ["drop data duration"])

    @Argument(.frame) var frame: String
    @Argument(.column) var columns: [String]

    func run(in context: CommandContext) throws {
        try Reshape.replace(frame, columns: columns, verb: "dropped", context: context) { $0.dropping(Set($1)) }
    }
}

/// `keep FRAME COL...`: keep only these columns.
struct Keep: CellCommand {
    static let configuration = CommandConfiguration(
        "keep", area: .frames, summary: "keep only these columns, in this order", examples: ["keep data age job y"])

    @Argument(.frame) var frame: String
    @Argument(.column) var columns: [String]

    func run(in context: CommandContext) throws {
        try Reshape.replace(frame, columns: columns, verb: "kept", context: context) { $0.keeping($1) }
    }
}

/// What `drop` and `keep` share: check the columns, replace the frame, say what changed.
enum Reshape {
    static func replace(
        _ name: String, columns: [String], verb: String, context: CommandContext,
        _ transform: (Frame, [String]) -> Frame
    ) throws {
        let value = try context.session.frameValue(name)
        for column in columns { _ = try value.frame.requireColumn(column, in: name) }
        let result = transform(value.frame, columns)
        context.session.store(FrameValue(result, origin: value.origin), as: name)
        context.print("\(name): \(verb) \(columns.joined(separator: ", ")); \(Sizes.shape(result))")
    }
}
