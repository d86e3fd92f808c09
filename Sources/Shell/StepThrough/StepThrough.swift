import Completion
import Foundation
import Kernel
import Runner
import Workbook

/// `pilot open BOOK`: steps through a workbook the way a notebook does.
///
/// The shell shows the prose before the current cell, the cell and a status line
/// (`[4/17] id=describe · output stale`). Enter alone runs the cell, streaming its output, saves
/// it into the workbook and moves on; `:` commands move around and edit (``colonCommands``); any
/// other line runs as a new cell inserted after the current one. The workbook is saved after
/// every cell and every edit, so nothing is lost; a file changed on disk by another editor is
/// noticed before saving, and the user is asked (from a pipe, pilot's version goes to
/// `NAME.conflict.pilotbook` instead, as with `pilot run`).
public final class StepThrough: PromptShell {
    let console: Console
    let runner: BookRunner
    let reporter: RunReporter
    /// The index of the current cell in the workbook's cells.
    var position = 0
    let bookPath: String
    let environment: [String: String]
    /// Whether a cell failed, for the exit status from a pipe.
    private var failed = false

    /// Opens the workbook at `bookPath` on `console` (the process's own when `nil`), and decides
    /// whether its risky cells may run (``TrustGate``): trusted before, `--trust`, or the user
    /// says so now; otherwise they are refused when run and the rest of the workbook runs.
    ///
    /// - Throws: ``RunnerError`` when it cannot be read or parsed; nothing is written then.
    public init(bookPath: String, services: ShellServices, console: Console? = nil) throws(RunnerError) {
        self.bookPath = bookPath
        environment = services.environment
        runner = try BookRunner(
            bookPath: bookPath, environment: services.environment,
            services: services.services, live: services.live)
        self.console = console ?? .standard(environment: services.environment)
        reporter = RunReporter(terminal: self.console.terminal, outputs: .streamed, mentionsSaving: true)
        self.console.input.completer = Completer(
            commands: runner.kernel.commands,
            shellCommands: Self.colonCommands.completions
        ) { [runner] in
            runner.session
        }
        switch TrustGate.decide(
            runner.workbook, bookPath: bookPath, kernel: runner.kernel,
            trustGiven: services.trustGiven, refusing: .riskyCells,
            console: self.console, environment: environment)
        {
        case .run(let store): runner.keepsTrust = store
        case .refused: runner.refusesRiskyCells = true
        }
        if terminal.isInteractive {
            runner.overwriteChangedFile = { [console = self.console] path in
                console.terminal.line()
                let answer = console.ask(
                    "\(path) changed on disk since pilot read it (another editor?)\n"
                        + "  o: overwrite it with pilot's version   k: keep it, write pilot's version beside it [o/k] ",
                    on: .out)
                return answer?.lowercased().hasPrefix("o") ?? false
            }
        }
    }

    var cells: [Cell] { runner.workbook.cells }
    var currentID: String? { position < cells.count ? cells[position].id : nil }

    /// Steps through the workbook until `:quit` or end of input, then saves.
    ///
    /// - Returns: the exit status: 1 when input came from a pipe and a cell failed, 0 otherwise.
    public func run() -> Int32 {
        show()
        readLoop()
        save()
        return !terminal.isInteractive && failed ? 1 : 0
    }

    /// Enter: runs the current cell and moves on.
    func enter() {
        if runCurrent(advance: true) == .error { failed = true }
    }

    /// Any other line: a new cell after the current one, run at once.
    func run(typed source: String) {
        if runNew(source) == .error { failed = true }
    }
}
