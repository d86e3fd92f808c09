import Kernel
import Runner

/// Prints cells as they run, for `pilot run`, `pilot open` and the scratch shell: their output
/// and a status line per cell (`[2/5] describe ok 1.2s`). Timings appear here, on the terminal,
/// never in the workbook.
///
/// ```swift
/// let reporter = RunReporter(terminal: terminal, outputs: .heldUnlessOK(verbose: false))
/// let summary = try runner.runAll { reporter.report($0) }
/// ```
public final class RunReporter {
    /// When a cell's output is shown.
    public enum Outputs: Sendable {
        /// As it appears, above the status line (at the prompt).
        case streamed
        /// Indented under the status line once the cell has ended, when it did not end well
        /// (or always, when `verbose`): `pilot run`.
        case heldUnlessOK(verbose: Bool)
    }

    let terminal: Terminal
    let outputs: Outputs
    /// Whether the status line says the workbook was saved (`pilot open`, where the
    /// file being saved after every cell is news).
    let mentionsSaving: Bool
    /// The output of cells still running, for ``Outputs/heldUnlessOK(verbose:)``.
    private var held: [String: [OutputBlock]] = [:]

    public init(terminal: Terminal, outputs: Outputs, mentionsSaving: Bool = false) {
        self.terminal = terminal
        self.outputs = outputs
        self.mentionsSaving = mentionsSaving
    }

    /// Shows what the runner reports.
    public func report(_ event: RunEvent) {
        switch event {
        case .cellStarted:
            break
        case .output(let id, let block):
            switch outputs {
            case .streamed: print(block)
            case .heldUnlessOK: held[id, default: []].append(block)
            }
        case .cellFinished(let id, let position, let total, let status, let duration):
            let timing = Self.format(duration) + (mentionsSaving ? ", saved" : "")
            terminal.line("[\(position)/\(total)] \(id) \(mark(status)) " + terminal.styled(timing, .dim))
            if case .heldUnlessOK(let verbose) = outputs, verbose || status != .ok {
                for block in held[id] ?? [] { print(block, indent: "    ") }
            }
            held[id] = nil
        }
    }

    /// Prints one block of a cell's output.
    public func print(_ block: OutputBlock, indent: String = "") {
        switch block {
        case .text(let text):
            guard !text.isEmpty else { return }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(text.hasSuffix("\n") ? 1 : 0)
            terminal.write(lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n") + "\n")
        case .image(_, let alt):
            terminal.line(indent + terminal.styled("[image: \(alt)]", .dim))
        case .diagnostic(let diagnostic):
            terminal.show(diagnostic, indent: indent)
        }
    }

    /// `ok`, `error` or `interrupted`, coloured.
    func mark(_ status: Kernel.Status) -> String {
        switch status {
        case .ok: terminal.styled("ok", .green)
        case .error: terminal.styled("error", .red)
        case .interrupted: terminal.styled("interrupted", .yellow)
        }
    }

    /// `340ms`, `12.5s`, `3m20s`.
    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return String(Int(seconds * 10) / 10) + "." + String(Int(seconds * 10) % 10) + "s" }
        return "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }
}
