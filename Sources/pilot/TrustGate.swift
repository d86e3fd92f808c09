import Diagnostics
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
    static func admit(_ workbook: Workbook, bookPath: String, kernel: Kernel = .standard, trustFlag: Bool,
                      terminal: Terminal) -> Decision {
        let store = TrustStore.standard(environment: ProcessInfo.processInfo.environment)
        if let store, store.trusts(workbook) { return .run(keeping: store) }
        let risky = RiskyCell.all(in: workbook, kernel: kernel)
        if risky.isEmpty || trustFlag { return .run(keeping: nil) }
        let heading = RiskyCell.warning(bookPath: bookPath, cells: risky)
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            terminal.error(Diagnostic("" + heading + "", hint: "read them; if they are what you expect: pilot trust \(bookPath) (or pass --trust for this run)"))
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
            terminal.error(error)
        }
        return .run(keeping: store)
    }
}
