import ArgumentParser
import Diagnostics
import Shell
import Workbook

struct StripCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strip",
        abstract: "Remove every output region from a workbook (like nbstripout).",
        discussion: "The cells and prose stay byte for byte; images no output links to any more are deleted."
    )

    @Argument(help: "The workbook to strip.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    func run() throws {
        let terminal = Terminal.standard
        do {
            let file = try BookFile(path: book)
            var workbook = file.workbook
            let count = workbook.blocks.filter { if case .output = $0 { true } else { false } }.count
            workbook.stripOutputs()
            if count > 0 { try file.save(workbook) }
            let removed = AssetFolder(bookPath: book).removeUnreferenced(keeping: workbook.imagePaths)
            var message = "\(book): removed \(count) output\(count == 1 ? "" : "s")"
            if !removed.isEmpty { message += " and \(removed.count) image\(removed.count == 1 ? "" : "s")" }
            terminal.line(message)
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }
}
