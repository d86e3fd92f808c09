import ArgumentParser
import Diagnostics
import Export
import Foundation
import Shell
import Workbook

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Turn a workbook into an HTML page, a Jupyter notebook or plain Markdown, to share it.",
        discussion: """
            Nothing runs: the export shows the outputs stored in the workbook, and marks stale, failed \
            and interrupted ones. html is one self-contained file (styles and SVG plots inline) that \
            reads well on a phone; ipynb is an nbformat 4.5 notebook; md is plain Markdown whose images \
            link to BOOK.assets/. The export is written beside the workbook (BOOK.html, BOOK.ipynb, \
            BOOK.md) unless --output names another file; --output - writes it to standard output.
            """
    )

    @Argument(help: "The workbook to export.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The format to export to.", valueName: "format"))
    var format: ExportFormat

    @Option(help: ArgumentHelp("Write the export to FILE ('-' for standard output).", valueName: "file"))
    var output: String?

    @Flag(
        help: """
            For md: remove line breaks inside Japanese (East Asian) sentences, as html and ipynb always do \
            (the workbook itself is never changed).
            """)
    var joinLines = false

    func validate() throws {
        if let output, output != "-", Self.samePath(output, book) {
            let suggestion = format.defaultPath(forBook: book)
            throw ValidationError(
                "--output \(output) is the workbook itself; name another file, "
                    + "e.g. --output \(suggestion)")
        }
    }

    func run() throws {
        let terminal = Terminal.standard
        let target = output ?? format.defaultPath(forBook: book)
        do {
            let file = try BookFile(path: book)
            let exporter = BookExporter(workbook: file.workbook, bookPath: book)
            let prefix = target == "-" ? "" : RelativePath.prefix(from: target, to: book)
            let text = exporter.render(format, imagePrefix: prefix, joinLines: joinLines)
            if target == "-" {
                terminal.write(text)
            } else {
                try Self.checkFolder(of: target)
                try AtomicFile.write(Array(text.utf8), to: target)
            }
            if format != .md {
                for path in exporter.missingImages {
                    terminal.line(
                        "warning: \(path) cannot be inlined (missing, or not an SVG in the asset folder); "
                            + "the export shows a placeholder", to: .err)
                }
            }
            if target != "-" {
                let cells = exporter.cellCount
                terminal.line("\(book): exported \(cells) cell\(cells == 1 ? "" : "s") to \(target)")
            }
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }

    /// Throws when the folder `path` would go into does not exist.
    static func checkFolder(of path: String) throws(WorkbookError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            let named = (path as NSString).deletingLastPathComponent
            throw WorkbookError(
                .io, "cannot write \(path): there is no folder \(named)",
                hint: "create it first (mkdir -p \(named)), or choose another --output")
        }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension ExportFormat: ExpressibleByArgument {}
