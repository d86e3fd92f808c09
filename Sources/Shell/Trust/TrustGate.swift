import Commands
import Diagnostics
import Kernel
import Runner
import Workbook

/// Before a workbook runs (`pilot run`, `pilot check`, `pilot open`): a workbook with risky
/// cells (`sh`, downloads, deploys, deletions) runs them only when this user trusts it. Trust
/// comes from the trust store, from `--trust` for this run, or from the user, asked at a terminal
/// (which records it); elsewhere the risky cells are refused and the reason is shown.
public enum TrustGate {
    /// What a refusal refuses.
    public enum Scope: Sendable {
        /// The whole workbook: nothing runs (`pilot run`, `pilot check`).
        case workbook
        /// Only the risky cells; the others run (`pilot open`).
        case riskyCells
    }

    /// Whether the workbook's risky cells may run.
    public enum Decision: Equatable, Sendable {
        /// They may; `keeping` is the store that trusts the workbook (or was just told to), so
        /// the runner records the versions it saves; `nil` when no store is involved.
        case run(keeping: TrustStore?)
        /// Not trusted, and nobody agreed: the reason has been shown.
        case refused
    }

    /// Decides whether the risky cells of `workbook` may run, asking at a terminal.
    ///
    /// - Parameters:
    ///   - trustGiven: `--trust`: run them this time without asking.
    ///   - scope: what is refused when they may not, for the words of the refusal.
    ///   - environment: where the trust store is (`PILOT_TRUST_STORE`, `XDG_DATA_HOME`, `HOME`).
    public static func decide(
        _ workbook: Workbook, bookPath: String, kernel: Kernel = .standard,
        trustGiven: Bool, refusing scope: Scope, console: Console,
        environment: [String: String]
    ) -> Decision {
        let store = TrustStore.standard(environment: environment)
        if let store, store.trusts(workbook) { return .run(keeping: store) }
        let risky = RiskyCell.all(in: workbook, kernel: kernel)
        if risky.isEmpty || trustGiven { return .run(keeping: nil) }
        let terminal = console.terminal
        let warning = RiskyCell.warning(bookPath: bookPath, cells: risky)
        let refusal =
            switch scope {
            case .workbook: "not run; `pilot trust \(bookPath)` trusts it once you have read it"
            case .riskyCells:
                "those cells will not run (the others will); pilot open --trust, or pilot trust \(bookPath), lets them"
            }
        guard terminal.canAsk else {
            switch scope {
            case .workbook:
                let hint =
                    "read them; if they are what you expect: pilot trust \(bookPath) "
                    + "(or pass --trust for this run)"
                terminal.show(Diagnostic(warning, hint: hint), on: .err)
            case .riskyCells:
                terminal.line(warning, to: .err)
                terminal.line(refusal, to: .err)
            }
            return .refused
        }
        terminal.line(warning, to: .err)
        guard let answer = console.ask("Trust this workbook and let them run? [y/N] "),
            answer.lowercased().hasPrefix("y")
        else {
            terminal.line(refusal, to: .err)
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
