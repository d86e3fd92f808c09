import ArgumentParser
import Foundation
import Kernel
import Runner
import Shell
import Workbook

/// Before `pilot run` or `pilot check` runs a workbook: a workbook with risky cells (`sh`,
/// downloads, deploys, deletions) runs them only when this user trusts it. At a terminal pilot
/// lists them and asks; elsewhere it refuses, unless `--trust` says so for this run.
enum TrustGate {
    /// Whether the workbook may run, and the store to keep trust with.
    enum Decision {
        /// Run it; `keeping` is the store that trusts it (or was just told to), so the runner
        /// records the versions it saves; `nil` when no store is involved.
        case run(keeping: TrustStore?)
        /// Not trusted, and nobody agreed: the reason has been printed.
        case refused
    }

    /// Decides whether `workbook` may run, asking at a terminal.
    static func admit(_ workbook: Workbook, bookPath: String, kernel: Kernel = Kernel(), trustFlag: Bool,
                      terminal: Terminal) -> Decision {
        let store = TrustStore.standard(environment: ProcessInfo.processInfo.environment)
        if let store, store.trusts(workbook) { return .run(keeping: store) }
        let risky = RiskyCell.all(in: workbook, kernel: kernel)
        if risky.isEmpty || trustFlag { return .run(keeping: nil) }
        let heading = RiskyCell.warning(bookPath: bookPath, cells: risky)
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            terminal.error("error: " + heading + "\nhint: read them; if they are what you expect: pilot trust \(bookPath) (or pass --trust for this run)")
            return .refused
        }
        terminal.line(heading, to: .err)
        terminal.write("Trust this workbook and run them? [y/N] ", to: .err)
        guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
            terminal.line("not run; `pilot trust \(bookPath)` trusts it once you have read it", to: .err)
            return .refused
        }
        guard let store else { return .run(keeping: nil) }
        do {
            try store.trust(workbook, bookPath: bookPath)
        } catch {
            terminal.error(error.rendered)
        }
        return .run(keeping: store)
    }
}

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
            terminal.error(error.rendered)
            throw ExitCode.failure
        }
        guard let store = TrustStore.standard(environment: ProcessInfo.processInfo.environment) else {
            terminal.error("error: no place to keep trust: HOME is not set\nhint: set PILOT_TRUST_STORE to a file")
            throw ExitCode.failure
        }
        do {
            try store.trust(workbook, bookPath: book)
        } catch {
            terminal.error(error.rendered)
            throw ExitCode.failure
        }
        let risky = RiskyCell.all(in: workbook, kernel: Kernel())
        if risky.isEmpty {
            terminal.line("trusted \(book) (it has no cells that need trust)")
        } else {
            terminal.line("trusted \(book); these cells may now run without asking:")
            terminal.line(RiskyCell.listing(risky))
        }
    }
}
