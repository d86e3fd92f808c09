import ArgumentParser
import Diagnostics
import Foundation
import Runner
import Shell
import Workbook

/// `pilot trust BOOK`: records that this user trusts the workbook's risky cells.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trust a workbook: its sh, download, deploy and delete cells may run without asking.",
        discussion: """
            Read a workbook someone else wrote before trusting it: the risky cells are listed. Trust \
            is kept in a local file (PILOT_TRUST_STORE, else $XDG_DATA_HOME/pilot/trusted or \
            ~/.local/share/pilot/trusted) by the hash of the workbook's cells, so running it or \
            editing it with pilot keeps it trusted; a change made elsewhere asks again.
            """
    )

    @Argument(help: "The workbook to trust.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    func run() throws {
        let terminal = Terminal.standard
        let workbook: Workbook
        do {
            workbook = try BookFile(path: book).workbook
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        guard let store = TrustStore.standard(environment: ProcessInfo.processInfo.environment) else {
            terminal.error(
                Diagnostic(
                    "no place to keep trust: HOME is not set",
                    hint: "set PILOT_TRUST_STORE to a file"))
            throw ExitCode.failure
        }
        do {
            try store.trust(workbook, bookPath: book)
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        let risky = RiskyCell.all(in: workbook, kernel: .standard)
        if risky.isEmpty {
            terminal.line("trusted \(book) (it has no cells that need trust)")
        } else {
            terminal.line("trusted \(book); these cells may now run without asking:")
            terminal.line(RiskyCell.listing(risky))
        }
    }
}
