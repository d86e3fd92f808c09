import Diagnostics
import Synchronization

/// What a running command can reach: the session, the output, the table of commands and a way
/// to notice that the user asked it to stop.
public final class CommandContext {
    public let session: Session
    public let output: OutputBuffer
    public let commands: CommandTable
    public let interruption: Interruption
    /// The width stored output is rendered at, in terminal cells.
    public let width: Int
    /// The terminal, for notes and progress that are never stored; `nil` when there is none.
    public let live: (any LiveDisplay)?

    public init(
        session: Session, output: OutputBuffer, commands: CommandTable,
        interruption: Interruption = Interruption(), width: Int = 100, live: (any LiveDisplay)? = nil
    ) {
        self.session = session
        self.output = output
        self.commands = commands
        self.interruption = interruption
        self.width = width
        self.live = live
    }

    /// Shorthand for `output.print`.
    public func print(_ text: String) {
        output.print(text)
    }

    /// A remark for the terminal only.
    public func note(_ text: String) {
        live?.note(text)
    }

    /// Stops with an "interrupted" error when the user pressed Ctrl-C.
    public func checkInterruption() throws(Diagnostic) {
        if interruption.isRaised { throw Diagnostic.interrupted() }
    }
}

/// A flag that a signal handler or another thread raises to stop long work gracefully.
public final class Interruption: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Whether someone asked to stop.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Asks the running work to stop at its next check.
    public func raise() { raised.store(true, ordering: .relaxed) }

    /// Clears the flag before the next piece of work.
    public func clear() { raised.store(false, ordering: .relaxed) }
}
