import Completion
import Foundation
import Kernel
import Runner
import Workbook

/// `pilot open BOOK`: steps through a workbook the way a notebook does.
///
/// The shell shows the prose before the current cell, the cell, and a status line
/// (`[4/17] id=describe · output stale`). Enter alone runs the cell, streaming its output, saves
/// it into the workbook and moves on; `:` commands move around and edit (see ``commands``); any
/// other line runs as a new cell inserted after the current one. The workbook is saved after
/// every cell and every edit, so nothing is lost; a file changed on disk by another editor is
/// noticed before saving, and the user is asked (from a pipe, pilot's version goes to
/// `NAME.conflict.pilotbook` instead, as with `pilot run`).
public final class StepThrough {
    let terminal: Terminal
    let runner: BookRunner
    var input: any LineSource
    /// The index of the current cell in the workbook's cells.
    var position = 0
    let bookPath: String

    /// The step-through commands, for `:help` and completion.
    static let commands: [(String, String)] = [
        ("Enter", "run the current cell, save its output and move to the next"),
        (":next  :prev", "move to the next or the previous cell"),
        (":goto N|ID", "move to cell N (from 1) or to the cell with this id"),
        (":list", "list the cells with their status"),
        (":run", "run the current cell and stay on it"),
        (":run-all", "run every cell from the first, stopping at a failure"),
        (":edit", "edit the current cell ($EDITOR, or line by line here when it is unset)"),
        (":insert", "type a new cell to insert after the current one"),
        (":delete", "delete the current cell and its output"),
        (":save", "save the workbook now (it is saved after every cell anyway)"),
        (":quit", "save and leave (Ctrl-D does the same)"),
        (":help", "show these commands; 'help' lists the cell commands"),
        ("other text", "runs as a new cell inserted after the current one"),
    ]

    static let commandNames = [":next", ":prev", ":goto", ":list", ":run", ":run-all", ":edit", ":insert",
                               ":delete", ":save", ":quit", ":help"]

    /// Opens the workbook at `bookPath`.
    ///
    /// - Throws: ``RunnerError`` when it cannot be read or parsed; nothing is written then.
    public init(bookPath: String, services: ShellServices) throws(RunnerError) {
        self.bookPath = bookPath
        terminal = Terminal(environment: services.environment)
        runner = try BookRunner(bookPath: bookPath, environment: services.environment,
                                services: services.services,
                                live: services.live)
        UTF8Locale.enable()
        input = terminal.isInteractive
            ? LineEditor(terminal: terminal, historyPath: HistoryFile.path(environment: services.environment))
            : PipeLines()
        input.completer = Completer(commands: runner.kernel.commands, shellCommands: Self.commandNames) { [runner] in
            runner.session
        }
        settleTrust(services: services)
        if terminal.isInteractive {
            runner.overwriteChangedFile = { [terminal] path in
                terminal.line()
                let answer = terminal.ask("\(path) changed on disk since pilot read it (another editor?)\n"
                    + "  o: overwrite it with pilot's version   k: keep it, write pilot's version beside it [o/k] ")
                return answer?.lowercased().hasPrefix("o") ?? false
            }
        }
    }

    /// Decides, once at opening, whether the workbook's risky cells may run: trusted before,
    /// `--trust`, or the user says so now (which records it). Otherwise they are refused
    /// when run (the rest of the workbook runs), and the reason is shown.
    func settleTrust(services: ShellServices) {
        let store = TrustStore.standard(environment: services.environment)
        if let store, store.trusts(runner.workbook) {
            runner.keepsTrust = store
            return
        }
        let risky = RiskyCell.all(in: runner.workbook, kernel: runner.kernel)
        if risky.isEmpty || services.trustGiven { return }
        terminal.line(RiskyCell.warning(bookPath: bookPath, cells: risky), to: .err)
        if terminal.isInteractive,
           let answer = terminal.ask("Trust this workbook and let them run? [y/N] "), answer.lowercased().hasPrefix("y") {
            if let store {
                try? store.trust(runner.workbook, bookPath: bookPath)
                runner.keepsTrust = store
            }
            return
        }
        runner.refusesRiskyCells = true
        terminal.line("those cells will not run (the others will); pilot open --trust, or pilot trust \(bookPath), lets them", to: .err)
    }

    var cells: [Cell] { runner.workbook.cells }
    var currentID: String? { position < cells.count ? cells[position].id : nil }

    /// Steps through the workbook until `:quit` or end of input, then saves.
    ///
    /// - Returns: the exit status: 1 when input came from a pipe and a cell failed, 0 otherwise.
    public func run() -> Int32 {
        Signals.install()
        show()
        var failed = false
        let reader = CellReader(source: input, prompt: terminal.isInteractive ? "pilot> " : "",
                                continuationPrompt: terminal.isInteractive ? "  ...> " : "")
        loop: while true {
            switch reader.read() {
            case .end:
                break loop
            case .interrupted:
                continue
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    if runCurrent(advance: true) == .error { failed = true }
                    continue
                }
                input.remember(line)
                if trimmed.hasPrefix(":") {
                    guard command(trimmed) else { break loop }
                } else {
                    if runNew(line) == .error { failed = true }
                }
            }
        }
        save()
        return !terminal.isInteractive && failed ? 1 : 0
    }
}
