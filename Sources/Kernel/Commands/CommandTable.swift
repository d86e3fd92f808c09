/// The commands a kernel knows, by name, in the order `help` lists them.
///
/// ```swift
/// let table = CommandTable([Help.self, Load.self, Head.self])
/// ```
public struct CommandTable: Sendable {
    public private(set) var specs: [CommandSpec]

    public init(_ commands: [any CellCommand.Type]) {
        specs = commands.map { CommandSpec($0) }
    }

    /// The command with this name.
    public subscript(name: String) -> CommandSpec? {
        specs.first { $0.name == name }
    }

    /// Every command's name, in table order.
    public var names: [String] { specs.map(\.name) }

    /// The commands whose lines are kept as written (`sh`).
    public var verbatimNames: Set<String> { Set(specs.filter(\.isVerbatim).map(\.name)) }

    /// Adds commands (a later module's, or a test's).
    public mutating func add(_ more: [any CellCommand.Type]) {
        specs += more.map { CommandSpec($0) }
    }
}
