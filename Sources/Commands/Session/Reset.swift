import Kernel

/// `reset`: forget everything the session holds.
struct Reset: CellCommand {
    static let configuration = CommandConfiguration(
        "reset", area: .session, summary: "forget every value the session holds and restore default settings",
        discussion: "Parameters given with --param stay. Files on disk are not touched.",
        examples: ["reset"])

    func run(in context: CommandContext) throws {
        let count = context.session.reset()
        context.print("session reset: forgot \(count) \(count == 1 ? "value" : "values"); settings back to defaults")
    }
}
