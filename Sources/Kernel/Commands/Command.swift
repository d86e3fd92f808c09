/// One command of the cell language: its name, how it is used, and what it runs.
///
/// The same table drives dispatch, `help`, option checking and (in the shell) completion.
public struct Command: Sendable {
    /// The area `help` lists it under.
    public enum Area: String, Sendable, CaseIterable {
        case session, files, frames, autopilot, serving
    }

    /// An option the command accepts, e.g. `target=COL`.
    public struct Option: Sendable {
        public var name: String
        /// What the value looks like, e.g. `COL` or `yes|no`.
        public var value: String
        public var summary: String
        public init(_ name: String, _ value: String, _ summary: String) {
            self.name = name
            self.value = value
            self.summary = summary
        }
    }

    public var name: String
    public var area: Area
    /// The synopsis, e.g. `help [CMD]`.
    public var usage: String
    /// One line: what it does.
    public var summary: String
    /// A few lines more, for `help CMD`.
    public var discussion: String
    public var options: [Option]
    /// Whether options not in ``options`` are accepted (e.g. `set`, whose keys are settings).
    public var acceptsAnyOption: Bool
    public var examples: [String]
    /// Whether the rest of the line is handed over as written, as one word (`sh`'s command is
    /// another language: no quotes, options or `$name` of the cell language apply).
    public var verbatim: Bool
    /// What a line of this command may do to the machine that a reader of someone else's
    /// workbook should agree to first (`runs a shell command`), or `nil` when it is harmless.
    /// Runners ask before running such lines from a workbook that is not trusted.
    public var risk: @Sendable (Invocation) -> String?
    public var run: @Sendable (Invocation, CommandContext) throws(KernelError) -> Void

    public init(_ name: String, area: Area, usage: String, summary: String, discussion: String = "",
                options: [Option] = [], acceptsAnyOption: Bool = false, examples: [String] = [],
                verbatim: Bool = false, risk: @escaping @Sendable (Invocation) -> String? = { _ in nil },
                run: @escaping @Sendable (Invocation, CommandContext) throws(KernelError) -> Void) {
        self.name = name
        self.area = area
        self.usage = usage
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.acceptsAnyOption = acceptsAnyOption
        self.examples = examples
        self.verbatim = verbatim
        self.risk = risk
        self.run = run
    }

    /// A usage error for this command: the message, and its usage as the hint.
    public func usageError(_ message: String) -> KernelError {
        KernelError(message, hint: "usage: \(usage)")
    }
}
