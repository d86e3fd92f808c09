import Diagnostics

/// A command of the cell language, declared once.
///
/// Its arguments are properties marked with ``Argument``, ``Clause``, ``Option``,
/// ``Assignments`` or ``Verbatim``; from them the kernel derives the command's usage, `help`,
/// the checks and hints for what is typed, completion and the line's risk. `run(in:)` sees
/// typed values only:
///
/// ```swift
/// struct Head: CellCommand {
///     static let configuration = CommandConfiguration(
///         "head", area: .frames, summary: "show the first N rows", examples: ["head data 10"])
///
///     @Argument(.frame) var frame: String
///     @Argument(.count, default: 5) var rows: Int
///
///     func run(in context: CommandContext) throws { ... }
/// }
/// ```
public protocol CellCommand {
    static var configuration: CommandConfiguration { get }
    /// An instance with nothing parsed yet; the kernel fills its arguments from a line.
    init()
    /// Runs the command. Errors that adopt `DiagnosticConvertible` reach the user as they say.
    func run(in context: CommandContext) throws
    /// What this line may do to the machine that a reader of someone else's workbook should
    /// agree to first, or `nil` when it is harmless. Asked of a line whose `$name`s are not
    /// resolved. By default, the configuration's ``CommandConfiguration/risk``.
    func risk() -> String?
    /// A second form, chosen by the first word (`autopilot attach EXP`); help shows the main one.
    static var otherForm: (word: String, command: any CellCommand.Type)? { get }
}

extension CellCommand {
    public func risk() -> String? { Self.configuration.risk }
    public static var otherForm: (word: String, command: any CellCommand.Type)? { nil }
}

/// What `help` says of a command, apart from its arguments.
public struct CommandConfiguration: Sendable {
    /// The areas `help` lists commands under, in this order.
    public enum Area: String, Sendable, CaseIterable {
        case session, files, frames, autopilot, serving
    }

    public var name: String
    public var area: Area
    /// One line: what it does.
    public var summary: String
    /// A few lines more, for `help CMD`.
    public var discussion: String
    public var examples: [String]
    /// What any line of this command may do to the machine (`runs a shell command`), when it may.
    public var risk: String?

    public init(
        _ name: String, area: Area, summary: String, discussion: String = "", examples: [String] = [],
        risk: String? = nil
    ) {
        self.name = name
        self.area = area
        self.summary = summary
        self.discussion = discussion
        self.examples = examples
        self.risk = risk
    }
}
