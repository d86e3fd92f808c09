import Diagnostics
import Foundation
import Kernel
import Runner
import TextLayout

extension StepThrough {
    /// Runs a `:` command; `false` to leave.
    func command(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch words[0] {
        case ":quit", ":q", ":exit":
            return false
        case ":next", ":n":
            move(to: position + 1)
        case ":prev", ":p":
            move(to: position - 1)
        case ":goto", ":g":
            goto(argument)
        case ":list", ":l":
            list()
        case ":run", ":r":
            _ = runCurrent(advance: false)
        case ":run-all":
            runAll()
        case ":edit", ":e":
            edit()
        case ":insert", ":i":
            insert()
        case ":delete":
            delete()
        case ":save", ":w":
            save()
            terminal.line(terminal.styled("saved \(bookPath)", .dim))
        case ":help", ":h":
            for (usage, summary) in Self.commands {
                terminal.line("  " + usage.padded(to: 14) + "  " + summary)
            }
        default:
            let hint = Suggestion.hint(for: words[0], in: Self.commandNames)
                ?? "commands are " + Self.commandNames.joined(separator: " ")
            terminal.error(Diagnostic("unknown shell command '\(words[0])'", hint: "\(hint)"))
        }
        return true
    }

    func move(to index: Int) {
        guard !cells.isEmpty else { return show() }
        guard index >= 0, index < cells.count else {
            terminal.line(index < 0 ? "this is the first cell" : "this is the last cell: :list shows them all, :quit leaves")
            return
        }
        position = index
        show()
    }

    func goto(_ target: String) {
        if let number = Int(target) {
            guard number >= 1, number <= cells.count else {
                terminal.error(Diagnostic("no cell \(number); this workbook has \(cells.count)", hint: ":list shows the cells"))
                return
            }
            return move(to: number - 1)
        }
        if let index = cells.firstIndex(where: { $0.id == target }) { return move(to: index) }
        let hint = Suggestion.hint(for: target, in: cells.compactMap(\.id)) ?? ":list shows the cells"
        terminal.error(Diagnostic("no cell with id '\(target)'", hint: "\(hint)"))
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

    /// Runs one cell through the runner, which saves the workbook after it; prints its output
    /// as it comes and a line saying how it ended.
    func run(cell id: String) -> Kernel.Status? {
        guard let index = cells.firstIndex(where: { $0.id == id }) else { return nil }
        let printer = OutputPrinter(terminal: terminal)
        let total = cells.count
        let outcome = Foreground(terminal: terminal).run(raising: runner.interruption) { [runner] () -> Result<(Kernel.Status, Duration), RunnerError> in
            let started = ContinuousClock.now
            do throws(RunnerError) {
                let result = try runner.run(cell: id, position: index + 1, of: total) { event in
                    if case .output(_, let block) = event { printer.print(block) }
                }
                return .success((result.status, ContinuousClock.now - started))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let (status, duration)):
            let mark: String
            switch status {
            case .ok: mark = terminal.styled("ok", .green)
            case .error: mark = terminal.styled("error", .red)
            case .interrupted: mark = terminal.styled("interrupted", .yellow)
            }
            terminal.line("[\(index + 1)/\(total)] \(id) \(mark) " + terminal.styled(Self.format(duration) + ", saved", .dim))
            return status
        case .failure(let error):
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
        let reader = CellReader(source: input, prompt: terminal.isInteractive ? "new cell> " : "",
                                continuationPrompt: terminal.isInteractive ? "    ...> " : "")
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
            guard case .line(let answer) = input.read(prompt: "delete cell \(id) and its output? [y/N] "),
                  answer.lowercased().hasPrefix("y") else {
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

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return String(Int(seconds * 10) / 10) + "." + String(Int(seconds * 10) % 10) + "s" }
        return "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }
}
