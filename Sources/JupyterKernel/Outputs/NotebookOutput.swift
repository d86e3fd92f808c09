import Diagnostics
import Kernel

/// A cell's output as Jupyter shows it: one iopub message per output block.
///
/// Text is `text/plain`, the very text a workbook stores, and also `text/html` when it holds
/// box-drawn tables (``TableHTML``); a plot is `image/svg+xml` with its alternative text as
/// `text/plain`; the diagnostic that ends a failed or interrupted cell is an `error` whose
/// traceback is the diagnostic's lines, as `pilot export --to ipynb` writes it.
enum NotebookOutput {
    /// One message to publish: its type and content.
    enum Message: Sendable {
        case display(DisplayData)
        case error(ErrorContent)
    }

    /// The messages for a cell's result, in order.
    static func messages(for result: Kernel.CellResult) -> [Message] {
        var messages: [Message] = []
        for block in result.blocks {
            switch block {
            case .text(let text):
                guard !text.isEmpty else { continue }
                var data = ["text/plain": text]
                if let html = TableHTML.render(text) { data["text/html"] = html }
                messages.append(.display(DisplayData(data: data)))
            case .image(let svg, let alt):
                // As `pilot export --to ipynb` writes a plot: one final newline, as pilot's SVG files end.
                var markup = svg
                while markup.last?.isWhitespace == true { markup.removeLast() }
                messages.append(.display(DisplayData(data: ["image/svg+xml": markup + "\n", "text/plain": alt])))
            case .diagnostic(let diagnostic):
                messages.append(.error(error(diagnostic)))
            }
        }
        if result.status != .ok, !messages.contains(where: { if case .error = $0 { true } else { false } }) {
            messages.append(.error(placeholder(interrupted: result.status == .interrupted)))
        }
        return messages
    }

    /// The `error` for a diagnostic: `Interrupted` or `Error`, its headline, its lines.
    static func error(_ diagnostic: Diagnostic) -> ErrorContent {
        let rendered = diagnostic.rendered
        return ErrorContent(
            name: diagnostic.isInterruption ? "Interrupted" : "Error",
            value: Diagnostic.headline(ofRendered: rendered),
            traceback: rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The `error` for a cell that stopped without saying why (a run the user interrupted
    /// between commands).
    static func placeholder(interrupted: Bool) -> ErrorContent {
        let value = interrupted ? "the cell was interrupted before it finished" : "the cell failed"
        return ErrorContent(name: interrupted ? "Interrupted" : "Error", value: value, traceback: [value])
    }
}
