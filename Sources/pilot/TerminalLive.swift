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
        var showing = false
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
        state.withLock { state in
            clear(&state)
            terminal.line(terminal.styled("  " + text, .dim, on: .err), to: .err)
        }
    }

    func progress(_ label: String, fraction: Double?, detail: String) {
        guard isTerminal else { return }
        state.withLock { state in
            let now = Date()
            if state.current?.label != label { state.current = (label, now) }
            guard now.timeIntervalSince(state.lastDraw) > 0.08 || !state.showing else { return }
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
            terminal.write("\r\u{1B}[2K" + line.truncated(to: width), to: .err)
            state.showing = true
        }
    }

    func endProgress() {
        guard isTerminal else { return }
        state.withLock { state in
            clear(&state)
            state.current = nil
        }
    }

    /// `~40s left`, from the pace so far; `nil` until there is enough to go on (two seconds and
    /// 5% done), so an early guess does not jump about.
    static func estimate(elapsed: TimeInterval, fraction: Double) -> String? {
        guard elapsed >= 2, fraction >= 0.05, fraction < 1 else { return nil }
        let left = Int((elapsed * (1 - fraction) / fraction).rounded())
        if left < 60 { return "~\(max(1, left))s left" }
        return "~\(left / 60)m\(String(left % 60).leftPadded(to: 2).replacingOccurrences(of: " ", with: "0"))s left"
    }

    private func clear(_ state: inout State) {
        if state.showing {
            terminal.write("\r\u{1B}[2K", to: .err)
            state.showing = false
        }
    }
}
