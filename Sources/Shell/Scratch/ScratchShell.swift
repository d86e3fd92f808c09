import Commands
import Completion
import Diagnostics
import Foundation
import Kernel
import Runner
import Workbook

/// `pilot` on its own: a scratch session where every line typed runs as a cell.
///
/// What was run can be written as a new workbook with `:save PATH` (cells and their outputs).
/// At a terminal there is a prompt, line editing, completion and history; from a pipe, commands
/// are read line by line with no prompt and no history file.
public final class ScratchShell: PromptShell {
    let console: Console
    private let services: ShellServices
    private let kernel = Kernel.standard
    private let session: Session
    private let reporter: RunReporter
    /// What was run, as a workbook `:save` writes.
    private var record = Workbook()
    private var lastCellID: String?
    /// Where `:save` last wrote, saved again on quitting.
    private var savedPath: String?
    private var failures = 0

    static let colonCommands = ColonCommands<ScratchShell>([
        ColonCommand(
            ":save", "write what was run as a new workbook (:save! PATH replaces a file)", takes: "PATH",
            variants: [":save!"]
        ) { shell, typed in
            shell.save(typed)
        },
        .help,
        .quit("leave (Ctrl-D on an empty line does the same)"),
    ])

    /// A scratch shell on `console` (the process's own when `nil`), whose cells run in `folder`
    /// (the current one when `nil`), where `:save` writes too.
    public init(services: ShellServices, console: Console? = nil, folder: String? = nil) {
        self.services = services
        self.console = console ?? .standard(environment: services.environment)
        reporter = RunReporter(terminal: self.console.terminal, outputs: .streamed)
        session = Session(
            workingDirectory: folder ?? FileManager.default.currentDirectoryPath, settings: Setting.workbook,
            environment: services.environment, services: services.services)
        self.console.input.completer = Completer(
            commands: kernel.commands,
            shellCommands: Self.colonCommands.completions
        ) { [session] in
            session
        }
    }

    /// Reads and runs cells until `:quit` or end of input.
    ///
    /// - Returns: the exit status: 1 when input came from a pipe and a cell failed, 0 otherwise.
    public func run() -> Int32 {
        if terminal.isInteractive {
            terminal.line(
                terminal.styled(
                    "pilot scratch shell: type a command, 'help' for the list, "
                        + ":help for the shell's own, Ctrl-D to leave", .dim))
        }
        readLoop()
        if let savedPath { save(to: savedPath, replacing: true) }
        return !terminal.isInteractive && failures > 0 ? 1 : 0
    }

    func enter() {}

    func run(typed source: String) {
        let interruption = Interruption()
        let width = terminal.isInteractive ? max(20, terminal.width) : 100
        let result = console.interrupts.during(interruption) {
            kernel.run(
                cell: source, in: session, interruption: interruption, width: width, live: services.live,
                onBlock: { [reporter] in reporter.print($0) })
        }
        if result.status == .interrupted { terminal.line(terminal.styled("interrupted", .yellow)) }
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
        record.setOutput(
            OutputRegion(
                cellID: id, status: OutputStatus(rawValue: result.status.rawValue)!,
                sourceHash: cell.sourceHash, items: items))
    }

    /// `:save PATH`, `:save! PATH`.
    private func save(_ typed: ColonCommand<ScratchShell>.Invocation) {
        guard !typed.argument.isEmpty else {
            terminal.error(Diagnostic(":save needs a file name", hint: ":save analysis.pilotbook"))
            return
        }
        let path = typed.argument.hasSuffix(".pilotbook") ? typed.argument : typed.argument + ".pilotbook"
        save(to: path, replacing: typed.name == ":save!" || path == savedPath)
    }

    private func save(to path: String, replacing: Bool) {
        let file = session.resolve(path)
        if !replacing, FileManager.default.fileExists(atPath: file) {
            terminal.error(
                Diagnostic(
                    "\(path) already exists; not overwriting it",
                    hint: "choose another name, or :save! \(path) to replace it"))
            return
        }
        do {
            try BookFile(overwriting: file, with: record).forceSave(record)
            savedPath = path
            // Every cell was typed here: the user wrote this workbook, so it is trusted.
            try? TrustStore.standard(environment: services.environment)?.trust(record, bookPath: file)
            let cells = record.cells.count == 1 ? "1 cell" : "\(record.cells.count) cells"
            terminal.line(terminal.styled("saved \(cells) to \(path)", .dim))
        } catch {
            terminal.error(error)
        }
    }
}
