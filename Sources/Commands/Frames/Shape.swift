import Kernel

/// `shape FRAME`: rows and columns.
struct Shape: CellCommand {
    static let configuration = CommandConfiguration(
        "shape", area: .frames, summary: "say how many rows and columns a frame has", examples: ["shape data"])

    @Argument(.frame) var frame: String

    func run(in context: CommandContext) throws {
        context.print("\(frame): \(Sizes.shape(try context.session.frame(frame)))")
    }
}
