/// What a shell talks to a person through: the terminal it writes to, the lines it reads and
/// Ctrl-C.
///
/// ``standard(environment:editing:)`` is the process's own; tests build one over memory
/// (a ``TerminalOutput`` that keeps the text, a ``LineSource`` of canned lines) and press
/// Ctrl-C with ``Interrupts/press()``.
public struct Console {
    public let terminal: Terminal
    public let input: any LineSource
    public let interrupts: Interrupts
    /// Whether the process's Ctrl-C (SIGINT) reaches ``interrupts`` once ``listen()`` is called.
    private let hearsSignals: Bool

    /// A console over `terminal` and `input`; Ctrl-C is whatever calls `interrupts.press()`.
    public init(terminal: Terminal, input: any LineSource, interrupts: Interrupts) {
        self.init(terminal: terminal, input: input, interrupts: interrupts, hearsSignals: false)
    }

    private init(terminal: Terminal, input: any LineSource, interrupts: Interrupts, hearsSignals: Bool) {
        self.terminal = terminal
        self.input = input
        self.interrupts = interrupts
        self.hearsSignals = hearsSignals
    }

    /// Standard input and output: with `editing`, libedit line editing and a history file at a
    /// terminal (`PILOT_HISTORY`, else under the user's data folder); plain lines otherwise.
    public static func standard(environment: [String: String], editing: Bool = true) -> Console {
        let terminal = Terminal(environment: environment)
        let input: any LineSource
        if editing { UTF8Locale.enable() }
        if editing, terminal.isInteractive {
            let interrupts = Interrupts(terminal: terminal)
            input = LineEditor(
                terminal: terminal, interrupts: interrupts,
                historyPath: HistoryFile.path(environment: environment))
            return Console(terminal: terminal, input: input, interrupts: interrupts, hearsSignals: true)
        }
        return Console(
            terminal: terminal, input: PipeLines(), interrupts: Interrupts(terminal: terminal),
            hearsSignals: true)
    }

    /// From now on Ctrl-C stops work and clears the line (see ``Interrupts``) instead of ending
    /// the process; call it before the first prompt or the first cell.
    public func listen() {
        if hearsSignals { interrupts.listenToSignals() }
    }

    /// Asks a question on `stream` and reads one answer line; `nil` at the end of input.
    public func ask(_ question: String, on stream: Terminal.Stream = .err) -> String? {
        terminal.write(question, to: stream)
        return input.readAnswer()
    }

    /// The prompt to show, or none when the input is not a person typing.
    func prompt(_ text: String) -> String {
        terminal.isInteractive ? text : ""
    }
}
