import Commands
import Completion
import Diagnostics
import Foundation
import Kernel
import Runner
import TextLayout
import Workbook

/// `pilot` on its own: a scratch session where every line typed runs as a cell.
///
/// What was run can be written as a new workbook with `:save PATH` (cells and their outputs).
/// At a terminal there is a prompt, line editing, completion and history; from a pipe, commands
/// are read line by line with no prompt and no history file.
public final class ScratchShell {
    private let terminal: Terminal
    private let services: ShellServices
    private let kernel = Kernel.standard
    private let session: Session
    private var input: any LineSource
    /// What was run, as a workbook `:save` writes.
    private var record = Workbook()
    private var lastCellID: String?
    /// Where `:save` last wrote, saved again on quitting.
    private var savedPath: String?
    private var failures = 0

    /// The shell's own commands.
    static let commands: [(String, String)] = [
        (":save PATH", "write what was run as a new workbook (:save! PATH replaces a file)"),
        (":help", "show these commands; 'help' lists the cell commands"),
        (":quit", "leave (Ctrl-D on an empty line does the same)"),
    ]

    public init(services: ShellServices) {
        self.services = services
        terminal = Terminal(environment: services.environment)
        session = Session(workingDirectory: FileManager.default.currentDirectoryPath,
                          environment: services.environment, services: services.services)
        UTF8Locale.enable()
        input = terminal.isInteractive
            ? LineEditor(terminal: terminal, historyPath: HistoryFile.path(environment: services.environment))
            : PipeLines()
        input.completer = Completer(commands: kernel.commands, shellCommands: Self.commands.map { String($0.0.prefix { $0 != " " }) } + [":save!"]) { [session] in session }
    }

    /// Reads and runs cells until `:quit` or end of input.
    ///
    /// - Returns: the exit status: 1 when input came from a pipe and a cell failed, 0 otherwise.
    public func run() -> Int32 {
        Signals.install()
        if terminal.isInteractive {
            terminal.line(terminal.styled("pilot scratch shell: type a command, 'help' for the list, :help for the shell's own, Ctrl-D to leave", .dim))
        }
        let reader = CellReader(source: input, prompt: terminal.isInteractive ? "pilot> " : "",
                                continuationPrompt: terminal.isInteractive ? "  ...> " : "")
        loop: while true {
            switch reader.read() {
            case .end:
                break loop
            case .interrupted:
                continue
            case .line(let source):
                let trimmed = source.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                input.remember(source)
                if trimmed.hasPrefix(":") {
                    if !shellCommand(trimmed) { break loop }
                } else {
                    runCell(source)
                }
            }
        }
        if let savedPath { save(to: savedPath, replacing: true) }
        return !terminal.isInteractive && failures > 0 ? 1 : 0
    }

    private func runCell(_ source: String) {
        let interruption = Interruption()
        let printer = OutputPrinter(terminal: terminal)
        let width = terminal.isInteractive ? max(20, terminal.width) : 100
        let result = Foreground(terminal: terminal).run(raising: interruption) { [kernel, session, services] in
            kernel.run(cell: source, in: session, interruption: interruption, width: width, live: services.live) {
                printer.print($0)
            }
        }
        printer.finished(result.status)
        if result.status == .error { failures += 1 }
        keep(source, result)
    }

    /// Adds the cell and its output to the record `:save` writes.
    private func keep(_ source: String, _ result: Kernel.CellResult) {
        let id = CellID.generate(for: source, avoiding: Set(record.cells.compactMap(\.id)))
        let cell = Cell(id: id, source: source)
        record.insert(cell, after: lastCellID)
        lastCellID = id
        let items: [OutputItem] = result.blocks.map { block in
            switch block {
            case .text(let text): .text(text)
            case .image(_, let alt): .text("[image: \(alt)]\n")
            case .diagnostic(let diagnostic): .text(diagnostic.rendered + "\n")
            }
        }
        record.setOutput(OutputRegion(cellID: id, status: OutputStatus(rawValue: result.status.rawValue)!,
                                      sourceHash: cell.sourceHash, items: items))
    }

    /// Runs a `:` command; `false` to leave the shell.
    private func shellCommand(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch words[0] {
        case ":quit", ":q", ":exit":
            return false
        case ":save", ":save!":
            guard !argument.isEmpty else {
                terminal.error(Diagnostic(":save needs a file name", hint: ":save analysis.pilotbook"))
                return true
            }
            let path = argument.hasSuffix(".pilotbook") ? argument : argument + ".pilotbook"
            save(to: path, replacing: words[0] == ":save!" || path == savedPath)
        case ":help":
            for (usage, summary) in Self.commands { terminal.line("  " + usage.padded(to: 14) + "  " + summary) }
        default:
            let names = Self.commands.map { String($0.0.prefix { $0 != " " }) }
            let hint = Suggestion.hint(for: words[0], in: names) ?? "shell commands are " + names.joined(separator: " ")
            terminal.error(Diagnostic("unknown shell command '\(words[0])'", hint: "\(hint)"))
        }
        return true
    }

    private func save(to path: String, replacing: Bool) {
        if !replacing, FileManager.default.fileExists(atPath: path) {
            terminal.error(Diagnostic("\(path) already exists; not overwriting it", hint: "choose another name, or :save! \(path) to replace it"))
            return
        }
        do {
            try BookFile(overwriting: path, with: record).forceSave(record)
            savedPath = path
            // Every cell was typed here: the user wrote this workbook, so it is trusted.
            try? TrustStore.standard(environment: services.environment)?.trust(record, bookPath: path)
            terminal.line(terminal.styled("saved \(record.cells.count) cell\(record.cells.count == 1 ? "" : "s") to \(path)", .dim))
        } catch {
            terminal.error(error)
        }
    }
}
