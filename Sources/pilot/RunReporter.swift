import Kernel
import Runner
import Shell

/// Prints a run as it goes: one line per cell, with the output of failed cells (or of all cells
/// with `--verbose`). Timings appear here, on the terminal, never in the workbook.
final class RunReporter {
    let terminal: Terminal
    let verbose: Bool
    /// The output of cells still running, shown when they fail (or with --verbose).
    private var pending: [String: [OutputBlock]] = [:]

    init(terminal: Terminal, verbose: Bool) {
        self.terminal = terminal
        self.verbose = verbose
    }

    func handle(_ event: RunEvent) {
        switch event {
        case .cellStarted:
            break
        case .output:
            break
        case .cellFinished(let id, let position, let total, let status, let duration):
            let label = "[\(position)/\(total)] \(id)"
            let mark: String
            switch status {
            case .ok: mark = terminal.styled("ok", .green)
            case .error: mark = terminal.styled("error", .red)
            case .interrupted: mark = terminal.styled("interrupted", .yellow)
            }
            terminal.line("\(label) \(mark) \(terminal.styled(Self.format(duration), .dim))")
        }
    }

    /// Keeps a cell's output until it finishes, then shows it if the cell failed.
    func collect(_ event: RunEvent) {
        if case .output(let id, let block) = event { pending[id, default: []].append(block) }
        handle(event)
        if case .cellFinished(let id, _, _, let status, _) = event {
            if verbose || status != .ok {
                for block in pending[id] ?? [] {
                    switch block {
                    case .text(let text):
                        terminal.write(text.split(separator: "\n", omittingEmptySubsequences: false)
                            .dropLast(text.hasSuffix("\n") ? 1 : 0)
                            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n")
                    case .image(_, let alt):
                        terminal.line("    [image: \(alt)]")
                    case .diagnostic(let diagnostic):
                        terminal.write(diagnostic.rendered.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                                       + "\n")
                    }
                }
            }
            pending[id] = nil
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return String(Int(seconds * 10) / 10) + "." + String(Int(seconds * 10) % 10) + "s" }
        return "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }
}
