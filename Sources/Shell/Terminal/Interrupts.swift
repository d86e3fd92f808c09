import Foundation
import Kernel
import Synchronization

/// What Ctrl-C does, for the shells and `pilot run` alike.
///
/// While work runs (``during(_:_:)``), the first Ctrl-C raises its ``Interruption``, which the
/// kernel checks between steps (autopilot stops after its current trial and keeps the best
/// finished candidate), and says so; a second one before the work has stopped quits at once.
/// At the prompt, Ctrl-C throws the line being typed away: the line editor waits on
/// ``wakeDescriptor`` beside standard input and asks ``takePromptInterrupt()``.
///
/// The process's Ctrl-C reaches it through ``listenToSignals()``; a test calls ``press()``.
public final class Interrupts: Sendable {
    private enum State {
        case atPrompt
        case running(Interruption, raised: Bool)
    }

    private let state = Mutex(State.atPrompt)
    /// Ctrl-Cs at the prompt that the line editor has not taken yet.
    private let promptInterrupts = Atomic<Int>(0)
    private let wake = WakePipe()
    private let terminal: Terminal
    private let quit: @Sendable () -> Void

    /// - Parameters:
    ///   - terminal: where the messages go (standard error).
    ///   - quit: what the second Ctrl-C does after saying so; the process exits with 130 (128 + SIGINT).
    public init(terminal: Terminal, quit: @escaping @Sendable () -> Void = { exit(130) }) {
        self.terminal = terminal
        self.quit = quit
    }

    deinit {
        wake.close()
    }

    /// Makes the process's Ctrl-C (SIGINT) press this; call it before the first prompt or the
    /// first cell.
    public func listenToSignals() {
        Signals.install { [self] in press() }
    }

    /// Ctrl-C: stops the running work, quits when it was asked to stop already, or throws away
    /// the line being typed.
    public func press() {
        enum Action { case prompt, stop, quit }
        let action = state.withLock { state -> Action in
            switch state {
            case .atPrompt:
                return .prompt
            case .running(_, raised: true):
                return .quit
            case .running(let interruption, raised: false):
                interruption.raise()
                state = .running(interruption, raised: true)
                return .stop
            }
        }
        switch action {
        case .prompt:
            promptInterrupts.add(1, ordering: .releasing)
            wake.signal()
        case .stop:
            terminal.line("\nstopping after the current step (Ctrl-C again to quit now)", to: .err)
        case .quit:
            terminal.line("\ninterrupted twice: quitting; outputs of finished cells are saved", to: .err)
            quit()
        }
    }

    /// Runs `work` on this thread; Ctrl-C meanwhile raises `interruption`.
    public func during<Result, Failure: Error>(
        _ interruption: Interruption, _ work: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        state.withLock { $0 = .running(interruption, raised: false) }
        defer { state.withLock { $0 = .atPrompt } }
        return try work()
    }

    /// The descriptor the line editor polls beside standard input: readable after Ctrl-C at the prompt.
    var wakeDescriptor: Int32 { wake.readEnd }

    /// Empties the wake-up pipe; ``promptInterruptPending`` says whether it was Ctrl-C.
    func drainWakeups() {
        wake.drain()
    }

    /// Whether Ctrl-C was pressed at the prompt and not yet taken.
    var promptInterruptPending: Bool {
        promptInterrupts.load(ordering: .acquiring) > 0
    }

    /// Whether Ctrl-C was pressed at the prompt since the last call; forgets it.
    func takePromptInterrupt() -> Bool {
        wake.drain()
        return promptInterrupts.exchange(0, ordering: .acquiringAndReleasing) > 0
    }
}
