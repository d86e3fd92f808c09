import Kernel

/// Prints a cell's output blocks as they appear, and how the cell ended.
struct OutputPrinter {
    let terminal: Terminal

    func print(_ block: OutputBlock) {
        switch block {
        case .text(let text):
            terminal.output(text)
        case .image(_, let alt):
            terminal.line(terminal.styled("[image: \(alt)]", .dim))
        case .diagnostic(let diagnostic):
            terminal.show(diagnostic)
        }
    }

    /// A line after a cell that did not end well; nothing after a cell that did.
    func finished(_ status: Kernel.Status) {
        if status == .interrupted { terminal.line(terminal.styled("interrupted", .yellow)) }
    }
}
