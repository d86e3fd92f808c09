import Diagnostics

/// What a cell produced, in order.
public enum OutputBlock: Sendable, Equatable {
    /// Preformatted text: messages, tables.
    case text(String)
    /// An SVG image with its alternative text.
    case image(svg: String, alt: String)
    /// Why the cell stopped: a failure, or the user's interruption. Always the last block.
    case diagnostic(Diagnostic)
}

/// Collects a command's output as it is produced.
///
/// Consecutive text is merged into one block, so a command can print line by line.
public final class OutputBuffer {
    public private(set) var blocks: [OutputBlock] = []
    /// Called with each block as it is completed, for live display.
    private let onBlock: ((OutputBlock) -> Void)?

    public init(onBlock: ((OutputBlock) -> Void)? = nil) {
        self.onBlock = onBlock
    }

    /// Adds text; a final newline is added when missing.
    public func print(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        onBlock?(.text(line))
        if case .text(let previous)? = blocks.last {
            blocks[blocks.count - 1] = .text(previous + line)
        } else {
            blocks.append(.text(line))
        }
    }

    /// Ends the output with why the cell stopped.
    public func diagnostic(_ diagnostic: Diagnostic) {
        onBlock?(.diagnostic(diagnostic))
        blocks.append(.diagnostic(diagnostic))
    }

    /// Adds an SVG image.
    public func image(svg: String, alt: String) {
        onBlock?(.image(svg: svg, alt: alt))
        blocks.append(.image(svg: svg, alt: alt))
    }
}

extension Kernel.CellResult {
    /// The cell's text and its diagnostic, rendered, in order, each image as `image` (nothing
    /// by default): what a reader of the stored output sees.
    public func transcript(image: String = "") -> String {
        blocks.map { block in
            switch block {
            case .text(let text): text
            case .image: image
            case .diagnostic(let diagnostic): diagnostic.rendered + "\n"
            }
        }.joined()
    }
}
