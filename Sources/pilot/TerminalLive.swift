import Foundation
import Kernel
import Shell
import Synchronization
import TextLayout

/// Notes and a progress line on standard error, for a person at a terminal; nothing at all
/// when standard error is not a terminal (CI logs stay clean). Never stored in workbooks.
///
/// Cells report from whichever thread runs them (autopilot's trials, a download's callbacks):
/// one lock orders the drawing. Between reports the line is drawn again every second, so the
/// time left counts down while a long step runs.
final class TerminalLive: LiveDisplay {
    private struct State {
        var lastDraw = Date.distantPast
        /// What the progress line shows.
        var label: String?
        var fraction: Double?
        var detail = ""
        /// When the work under way began (its labels may change: autopilot's stages), and the
        /// last fraction it reported: for the estimate of the time left.
        var started: Date?
        var lastFraction = 0.0
        /// The time left as estimated at the last report, and when.
        var estimate: (seconds: Double, at: Date)?
        var ticker: (any DispatchSourceTimer)?
    }

    private let terminal: Terminal
    private let isTerminal: Bool
    private let state = Mutex(State())

    init(terminal: Terminal) {
        self.terminal = terminal
        isTerminal = terminal.output.isTerminal(.err)
    }

    deinit {
        state.withLock { $0.ticker?.cancel() }
    }

    /// A note, wrapped at word boundaries to the terminal's width; the progress line comes back
    /// under it, up to date.
    func note(_ text: String) {
        guard isTerminal else { return }
        let width = max(20, terminal.width - 1)
        terminal.line(terminal.styled(("  " + text).wrapped(to: width, indent: "    "), .dim, on: .err), to: .err)
        state.withLock { draw(&$0, now: Date()) }
    }

    func progress(_ label: String, fraction: Double?, detail: String) {
        guard isTerminal else { return }
        state.withLock { state in
            let now = Date()
            let isNew = state.label != label
            (state.label, state.fraction, state.detail) = (label, fraction, detail)
            // Work that goes back to the start is new work.
            if state.started == nil || (fraction ?? 1) < state.lastFraction - 0.01 { state.started = now }
            if let fraction, let started = state.started {
                state.lastFraction = fraction
                state.estimate = Self.secondsLeft(elapsed: now.timeIntervalSince(started), fraction: fraction)
                    .map { ($0, now) }
            }
            if state.ticker == nil { state.ticker = startTicker() }
            guard isNew || now.timeIntervalSince(state.lastDraw) > 0.08 else { return }
            draw(&state, now: now)
        }
    }

    func endProgress() {
        guard isTerminal else { return }
        terminal.clearStatus()
        state.withLock { state in
            state.ticker?.cancel()
            state = State()
        }
    }

    /// Draws the progress line from the state: the estimate counts down from the last report.
    private func draw(_ state: inout State, now: Date) {
        guard let label = state.label else { return }
        state.lastDraw = now
        let left = state.estimate.map { Self.format(secondsLeft: $0.seconds - now.timeIntervalSince($0.at)) }
        terminal.showStatus(
            Self.statusLine(
                label: label, fraction: state.fraction, detail: state.detail, left: left,
                width: min(terminal.width - 1, 100)))
    }

    private func startTicker() -> any DispatchSourceTimer {
        let ticker = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        ticker.schedule(deadline: .now() + 1, repeating: 1)
        ticker.setEventHandler { [weak self] in
            guard let self else { return }
            self.state.withLock { state in
                if state.estimate != nil { self.draw(&state, now: Date()) }
            }
        }
        ticker.resume()
        return ticker
    }

    /// `  Model tuning ███████░░░ 70% 14 of 20 candidates, ~12s left`, fitted to `width`: the bar
    /// narrows first, then the detail goes, then the bar; words are never cut but the label's.
    static func statusLine(label: String, fraction: Double?, detail: String, left: String?, width: Int) -> String {
        func line(bar: Int, detail: String) -> String {
            var line = "  " + label
            if let fraction {
                let filled = Int((min(1, max(0, fraction)) * Double(bar)).rounded())
                if bar > 0 {
                    line += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: bar - filled)
                }
                line += " \(Int(min(1, max(0, fraction)) * 100))%"
            }
            if !detail.isEmpty { line += " " + detail }
            if let left { line += (fraction == nil && detail.isEmpty ? " " : ", ") + left }
            return line
        }
        for bar in stride(from: 30, through: 10, by: -5) where line(bar: bar, detail: detail).displayWidth <= width {
            return line(bar: bar, detail: detail)
        }
        for candidate in [line(bar: 10, detail: ""), line(bar: 0, detail: "")] where candidate.displayWidth <= width {
            return candidate
        }
        return line(bar: 0, detail: "").truncated(to: width)
    }

    /// The time left from the pace so far; `nil` until there is enough to go on (two seconds
    /// and 5% done), so an early guess does not jump about.
    static func secondsLeft(elapsed: TimeInterval, fraction: Double) -> Double? {
        guard elapsed >= 2, fraction >= 0.05, fraction < 1 else { return nil }
        return elapsed * (1 - fraction) / fraction
    }

    /// `~40s left`, `~2m05s left`; never less than a second.
    static func format(secondsLeft: Double) -> String {
        let left = max(1, Int(secondsLeft.rounded()))
        if left < 60 { return "~\(left)s left" }
        return "~\(left / 60)m\(String(left % 60).leftPadded(to: 2).replacingOccurrences(of: " ", with: "0"))s left"
    }
}
