import ArgumentParser
import Export
import Foundation
import Shell
import Workbook

/// `pilot import NOTEBOOK.ipynb`: a notebook whose kernel is pilot, back to a workbook.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a pilot notebook (.ipynb) into a workbook, to run or check it with pilot.",
        discussion: """
            Markdown cells become prose, code cells become cells (with the ids pilot export gave \
            them), text outputs become output regions and SVG plots files in BOOK.assets/. The \
            workbook goes beside the notebook (NOTEBOOK.pilotbook) unless --output names another \
            file; an existing workbook is only replaced with --force. A workbook exported with \
            'pilot export --to ipynb' and imported again is the same, byte for byte.
            """
    )

    @Argument(help: "The notebook to import.", completion: .file(extensions: ["ipynb"]))
    var notebook: String

    @Option(
        help: ArgumentHelp("Write the workbook to FILE.", valueName: "file"),
        completion: .file(extensions: ["pilotbook"]))
    var output: String?

    @Flag(help: "Replace the workbook if it exists.")
    var force = false

    /// Where the workbook goes: `--output`, else beside the notebook.
    var target: String {
        if let output { return output }
        let base = notebook.hasSuffix(".ipynb") ? String(notebook.dropLast(".ipynb".count)) : notebook
        return base + ".pilotbook"
    }

    func run() throws {
        let terminal = Terminal.standard
        let target = self.target
        guard force || !FileManager.default.fileExists(atPath: target) else {
            terminal.error(
                WorkbookError(
                    .io, "\(target) already exists; not replacing it",
                    hint: "choose another file with --output, or pass --force to replace it"))
            throw ExitCode.failure
        }
        do {
            guard let data = FileManager.default.contents(atPath: notebook) else {
                throw WorkbookError(
                    .io, "cannot read \(notebook)", hint: "check the path and that the file is readable")
            }
            try ExportCommand.checkFolder(of: target)
            let workbook = try NotebookImporter(bytes: Array(data), name: notebook).workbook(bookPath: target)
            try AtomicFile.write(workbook.bytes, to: target)
            let cells = workbook.cells.count
            terminal.line("\(notebook): imported \(cells) cell\(cells == 1 ? "" : "s") to \(target)")
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }
}
