/// What a cell produced, in order.
public enum OutputBlock: Sendable, Equatable {
    /// Preformatted text: messages, tables, errors.
    case text(String)
    /// An SVG image with its alternative text.
    case image(svg: String, alt: String)
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

    /// Adds an SVG image.
    public func image(svg: String, alt: String) {
        onBlock?(.image(svg: svg, alt: alt))
        blocks.append(.image(svg: svg, alt: alt))
    }
}
