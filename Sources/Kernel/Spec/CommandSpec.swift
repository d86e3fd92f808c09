/// A command as the kernel knows it: its configuration and its declared arguments, read once
/// from the command's type, and a way to make a parsed instance of it.
public struct CommandSpec: Sendable {
    public var configuration: CommandConfiguration
    /// The declared arguments, in declaration order.
    public var declarations: [Declaration]
    /// Makes the command from a line, typed values filled in.
    let make: @Sendable (Invocation, Session?) throws -> any CellCommand

    public init<Command: CellCommand>(_ type: Command.Type) {
        configuration = Command.configuration
        declarations = Self.declared(in: Command()).map { label, argument in argument.declaration(label: label) }
        make = { line, session in
            guard let (word, other) = Command.otherForm, line.arguments.first?.argument == .word(word, quoted: false)
            else { return try Command.parse(line, session: session) }
            var rest = line
            rest.arguments.removeFirst()
            return try other.parse(rest, session: session)
        }
    }

    public var name: String { configuration.name }

    /// The declared arguments of `command` with their property names (without the `_`).
    static func declared(in command: some CellCommand) -> [(String, any DeclaredArgument)] {
        Mirror(reflecting: command).children.compactMap { child in
            guard let argument = child.value as? any DeclaredArgument else { return nil }
            return (String((child.label ?? "").drop { $0 == "_" }), argument)
        }
    }

    public var positionals: [Declaration.Positional] { declarations.positionals }
    public var clauses: [Declaration.Clause] { declarations.clauses }
    public var options: [Declaration.Option] { declarations.options }
    public var assignments: Declaration.Assignments? { declarations.assignments }
    /// Whether the rest of the line is handed over as written (`sh`).
    public var isVerbatim: Bool { declarations.verbatimExpectation != nil }

    /// The option called `name`.
    public func option(_ name: String) -> Declaration.Option? {
        options.first { $0.name == name }
    }
}

extension CellCommand {
    /// This command, its arguments filled from `line`.
    ///
    /// - Parameter session: where names are looked up for better hints (a frame's columns when
    ///   a column option is missing); `nil` when parsing without running (risks).
    static func parse(_ line: Invocation, session: Session?) throws -> Self {
        let command = Self()
        let declared = CommandSpec.declared(in: command)
        let spec = CommandSpec.Parsing(
            name: configuration.name, declarations: declared.map { $0.1.declaration(label: $0.0) })
        let values = try spec.values(of: line, session: session)
        for ((_, argument), value) in zip(declared, values) {
            argument.slot.value = argument.assemble(value)
        }
        return command
    }
}
