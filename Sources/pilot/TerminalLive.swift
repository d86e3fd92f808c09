import Foundation
import Kernel
import Shell
import Synchronization
import TextLayout

/// Notes and a progress line on standard error, for a person at a terminal; nothing at all
/// when standard error is not a terminal (CI logs stay clean). Never stored in workbooks.
///
/// Cells report from whichever thread runs them (autopilot's trials, a download's callbacks):
/// one lock orders the drawing.
final class TerminalLive: LiveDisplay {
    private struct State {
        var lastDraw = Date.distantPast
        /// The label of the work the progress line shows, and when it started: for the estimate.
        var current: (label: String, started: Date)?
    }

    private let terminal: Terminal
    private let isTerminal: Bool
    private let state = Mutex(State())

    init(terminal: Terminal) {
        self.terminal = terminal
        isTerminal = terminal.output.isTerminal(.err)
    }

    func note(_ text: String) {
        guard isTerminal else { return }
        terminal.line(terminal.styled("  " + text, .dim, on: .err), to: .err)
    }

    func progress(_ label: String, fraction: Double?, detail: String) {
        guard isTerminal else { return }
        state.withLock { state in
            let now = Date()
            let isNew = state.current?.label != label
            if isNew { state.current = (label, now) }
            guard isNew || now.timeIntervalSince(state.lastDraw) > 0.08 else { return }
            state.lastDraw = now
            let width = min(terminal.width - 1, 100)
            var line = "  " + label
            if let fraction {
                let barWidth = max(10, min(30, width - label.displayWidth - 20))
                let filled = Int((min(1, max(0, fraction)) * Double(barWidth)).rounded())
                line += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
                line += " \(Int(fraction * 100))%"
            }
            if !detail.isEmpty { line += " " + detail }
            if let fraction, let started = state.current?.started,
                let left = Self.estimate(elapsed: now.timeIntervalSince(started), fraction: fraction)
            {
                line += ", " + left
            }
            terminal.showStatus(line.truncated(to: width))
        }
    }

    func endProgress() {
        guard isTerminal else { return }
        terminal.clearStatus()
        state.withLock { $0.current = nil }
    }

    /// `~40s left`, from the pace so far; `nil` until there is enough to go on (two seconds and
    /// 5% done), so an early guess does not jump about.
    static func estimate(elapsed: TimeInterval, fraction: Double) -> String? {
        guard elapsed >= 2, fraction >= 0.05, fraction < 1 else { return nil }
        let left = Int((elapsed * (1 - fraction) / fraction).rounded())
        if left < 60 { return "~\(max(1, left))s left" }
        return "~\(left / 60)m\(String(left % 60).leftPadded(to: 2).replacingOccurrences(of: " ", with: "0"))s left"
    }
}
