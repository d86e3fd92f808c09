import Foundation
import Kernel
import Synchronization

/// Notes and progress of a running cell, shown in the notebook under the cell: one output with
/// a display id, drawn with `display_data` and redrawn with `update_display_data` (at most five
/// times a second, and at once when the work under way changes). Nothing shown here is kept:
/// when the cell ends, the kernel clears it and sends the cell's output, the workbook's.
///
/// Cells report from whichever thread runs them (autopilot's trials): one lock orders it all.
final class NotebookLive: LiveDisplay {
    private struct State {
        /// The request of the running cell; `nil` between cells, when reports are dropped.
        var parent: WireMessage?
        var displayID: String?
        var notes: [String] = []
        var progress: String?
        var label: String?
        var lastDraw = ContinuousClock.now
    }

    private let iopub: ChannelSocket
    private let state = Mutex(State())

    init(iopub: ChannelSocket) {
        self.iopub = iopub
    }

    /// Starts showing reports for the cell of `request`.
    func begin(_ request: WireMessage) {
        state.withLock { $0 = State(parent: request) }
    }

    /// Stops showing reports; returns whether anything was shown (then it is to be cleared).
    func finish() -> Bool {
        state.withLock { state in
            let shown = state.displayID != nil
            state = State()
            return shown
        }
    }

    func note(_ text: String) {
        state.withLock { state in
            state.notes.append(text)
            if state.notes.count > 5 { state.notes.removeFirst() }
            draw(&state)
        }
    }

    func progress(_ label: String, fraction: Double?, detail: String) {
        state.withLock { state in
            state.progress = Self.line(label: label, fraction: fraction, detail: detail)
            let isNew = state.label != label
            state.label = label
            guard isNew || ContinuousClock.now - state.lastDraw > .milliseconds(200) else { return }
            draw(&state)
        }
    }

    func endProgress() {
        state.withLock { state in
            guard state.progress != nil else { return }
            state.progress = nil
            state.label = nil
            draw(&state)
        }
    }

    private func draw(_ state: inout State) {
        guard let parent = state.parent else { return }
        state.lastDraw = .now
        let text = (state.notes + (state.progress.map { [$0] } ?? [])).joined(separator: "\n")
        if let id = state.displayID {
            iopub.publish(
                "update_display_data",
                DisplayData(data: ["text/plain": text], transient: .init(displayID: id)), parent: parent)
        } else {
            let id = UUID().uuidString.lowercased()
            state.displayID = id
            iopub.publish(
                "display_data", DisplayData(data: ["text/plain": text], transient: .init(displayID: id)),
                parent: parent)
        }
    }

    /// `Model tuning ██████░░░░ 60% 12 of 20 candidates`.
    static func line(label: String, fraction: Double?, detail: String) -> String {
        var line = label
        if let fraction {
            let done = min(1, max(0, fraction))
            let filled = Int((done * 20).rounded())
            line += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
            line += " \(Int(done * 100))%"
        }
        if !detail.isEmpty { line += " " + detail }
        return line
    }
}
