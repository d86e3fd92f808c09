import Kernel
import Runner
import Shell

/// Prints a run as it goes: one line per cell, with the output of failed cells (or of all cells
/// with `--verbose`). Timings appear here, on the terminal, never in the workbook.
struct RunReporter {
    let terminal: Terminal
    let verbose: Bool

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

    func handle(_ event: RunEvent, blocks: inout [String: [OutputBlock]]) {
        if case .output(let id, let block) = event { blocks[id, default: []].append(block) }
        handle(event)
        if case .cellFinished(let id, _, _, let status, _) = event {
            if verbose || status != .ok {
                for block in blocks[id] ?? [] {
                    switch block {
                    case .text(let text):
                        terminal.write(text.split(separator: "\n", omittingEmptySubsequences: false)
                            .dropLast(text.hasSuffix("\n") ? 1 : 0)
                            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n")
                    case .image(_, let alt):
                        terminal.line("    [image: \(alt)]")
                    }
                }
            }
            blocks[id] = nil
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return String(Int(seconds * 10) / 10) + "." + String(Int(seconds * 10) % 10) + "s" }
        return "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }
}
