/// The commands a kernel knows, by name.
public struct CommandTable: Sendable {
    public private(set) var commands: [Command]

    public init(_ commands: [Command]) {
        self.commands = commands
    }

    /// The command with this name.
    public subscript(name: String) -> Command? {
        commands.first { $0.name == name }
    }

    /// Every command's name, in table order.
    public var names: [String] { commands.map(\.name) }

    /// The commands whose lines are kept as written (``Command/verbatim``).
    public var verbatimNames: Set<String> { Set(commands.filter(\.verbatim).map(\.name)) }

    /// Adds commands (a later module's, or a test's).
    public mutating func add(_ more: [Command]) {
        commands += more
    }

    /// The commands every session has: session, file and frame commands.
    public static let builtin = CommandTable(SessionCommands.all + FileCommands.all + FrameCommands.all
        + FrameStatisticsCommands.all + FrameEditingCommands.all + [AutopilotCommand.command, TrainCommand.command] + ExperimentCommands.all + ServingCommands.all)
}
