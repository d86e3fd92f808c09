import Diagnostics
import Foundation
import Kernel
import Runner
import TextLayout

extension StepThrough {
    /// The step-through's `:` commands.
    static let colonCommands = ColonCommands<StepThrough>(
        [
            ColonCommand(":next", "move to the next cell", abbreviations: [":n"]) { shell, _ in
                shell.move(to: shell.position + 1)
            },
            ColonCommand(":prev", "move to the previous cell", abbreviations: [":p"]) { shell, _ in
                shell.move(to: shell.position - 1)
            },
            ColonCommand(
                ":goto", "move to cell N (from 1) or to the cell with this id", takes: "N|ID",
                abbreviations: [":g"]
            ) { shell, typed in shell.goto(typed.argument) },
            ColonCommand(":list", "list the cells with their status", abbreviations: [":l"]) { shell, _ in shell.list()
            },
            ColonCommand(":run", "run the current cell and stay on it", abbreviations: [":r"]) { shell, _ in
                shell.runCurrent(advance: false)
            },
            ColonCommand(":run-all", "run every cell from the first, stopping at a failure") { shell, _ in
                shell.runAll()
            },
            ColonCommand(
                ":edit", "edit the current cell ($EDITOR, or line by line here when it is unset)",
                abbreviations: [":e"]
            ) { shell, _ in shell.edit() },
            ColonCommand(":insert", "type a new cell to insert after the current one", abbreviations: [":i"]) {
                shell, _ in
                shell.insert()
            },
            ColonCommand(":delete", "delete the current cell and its output") { shell, _ in shell.delete() },
            ColonCommand(
                ":save", "save the workbook now (it is saved after every cell anyway)",
                abbreviations: [":w"]
            ) { shell, _ in
                shell.save()
                shell.terminal.line(shell.terminal.styled("saved \(shell.bookPath)", .dim))
            },
            .quit("save and leave (Ctrl-D does the same)"),
            .help,
        ],
        notesBefore: [
            ("Enter", "run the current cell, save its output and move to the next")
        ],
        notesAfter: [
            ("other text", "runs as a new cell inserted after the current one")
        ])

    func move(to index: Int) {
        guard !cells.isEmpty else { return show() }
        guard index >= 0, index < cells.count else {
            terminal.line(
                index < 0
                    ? "this is the first cell"
                    : "this is the last cell: :list shows them all, :quit leaves")
            return
        }
        position = index
        show()
    }

    func goto(_ target: String) {
        if let number = Int(target) {
            guard number >= 1, number <= cells.count else {
                terminal.error(
                    Diagnostic(
                        "no cell \(number); this workbook has \(cells.count)",
                        hint: ":list shows the cells"))
                return
            }
            return move(to: number - 1)
        }
        if let index = cells.firstIndex(where: { $0.id == target }) { return move(to: index) }
        let hint = Suggestion.hint(for: target, in: cells.compactMap(\.id)) ?? ":list shows the cells"
        terminal.error(Diagnostic("no cell with id '\(target)'", hint: hint))
    }

    /// Runs the current cell and saves; moves to the next cell when it went well and `advance`.
    @discardableResult
    func runCurrent(advance: Bool) -> Kernel.Status? {
        guard let id = currentID else {
            terminal.line("no cell to run: type a command to add one")
            return nil
        }
        let status = run(cell: id)
        guard let status else { return nil }
        if advance, status == .ok {
            if position + 1 < cells.count {
                move(to: position + 1)
            } else {
                terminal.line(terminal.styled("end of the workbook: :list shows the cells, :quit leaves", .dim))
            }
        }
        return status
    }

    /// Runs one cell through the runner, which saves the workbook after it; the reporter prints
    /// its output as it comes and a line saying how it ended.
    func run(cell id: String) -> Kernel.Status? {
        guard let index = cells.firstIndex(where: { $0.id == id }) else { return nil }
        let total = cells.count
        do {
            let result = try console.interrupts.during(runner.interruption) { () throws(RunnerError) in
                try runner.run(cell: id, position: index + 1, of: total, onEvent: reporter.report)
            }
            return result.status
        } catch {
            terminal.error(error)
            return .error
        }
    }

    /// Runs every cell from the first, stopping at the first that does not end well.
    func runAll() {
        for index in cells.indices {
            position = index
            guard let id = currentID else { break }
            terminal.line(terminal.styled(statusLine(at: index), .bold))
            let status = run(cell: id)
            if status != .ok { return show() }
        }
    }

    /// Inserts `source` after the current cell, makes it current and runs it.
    func runNew(_ source: String) -> Kernel.Status? {
        let id = runner.insertCell(source, after: currentID)
        position = cells.firstIndex { $0.id == id } ?? position
        return run(cell: id)
    }

    /// `:insert`: reads a new cell and inserts it after the current one, without running it.
    func insert() {
        let reader = CellReader(
            source: console.input, prompt: console.prompt("new cell> "),
            continuationPrompt: console.prompt("    ...> "))
        guard case .line(let source) = reader.read(), !source.allSatisfy(\.isWhitespace) else {
            terminal.line("nothing inserted")
            return
        }
        let id = runner.insertCell(source, after: currentID)
        position = cells.firstIndex { $0.id == id } ?? position
        save()
        show()
    }

    /// `:delete`: removes the current cell and its output, after asking at a terminal.
    func delete() {
        guard let id = currentID else { return }
        if terminal.isInteractive {
            guard case .line(let answer) = console.input.read(prompt: "delete cell \(id) and its output? [y/N] "),
                answer.lowercased().hasPrefix("y")
            else {
                terminal.line("kept \(id)")
                return
            }
        }
        runner.deleteCell(id)
        position = max(0, min(position, cells.count - 1))
        save()
        terminal.line(terminal.styled("deleted \(id)", .dim))
        show()
    }

    /// Saves the workbook; a file changed on disk is handled by the runner (ask, or write beside).
    func save() {
        do {
            try runner.save()
        } catch {
            terminal.error(error)
        }
    }
}
