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
    public var run: @Sendable (Invocation, CommandContext) throws(KernelError) -> Void

    public init(_ name: String, area: Area, usage: String, summary: String, discussion: String = "",
                options: [Option] = [], acceptsAnyOption: Bool = false, examples: [String] = [],
                run: @escaping @Sendable (Invocation, CommandContext) throws(KernelError) -> Void) {
        self.name = name
        self.area = area
        self.usage = usage
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.acceptsAnyOption = acceptsAnyOption
        self.examples = examples
        self.run = run
    }

    /// A usage error for this command: the message, and its usage as the hint.
    public func usageError(_ message: String) -> KernelError {
        KernelError(message, hint: "usage: \(usage)")
    }
}
