/// The output a cell produced last time it ran, stored right after the cell.
///
/// ````markdown
/// <!-- output:begin id=load status=ok src=3b1f0c9e -->
/// ```text
/// data: 41188 rows × 21 columns (bank-additional/bank-additional-full.csv)
/// ```
/// <!-- output:end -->
/// ````
///
/// The region belongs to the tool: a run replaces all of it.
public struct OutputRegion: Sendable, Equatable {
    /// The id of the cell this output belongs to.
    public let cellID: String
    /// How the run that produced it ended.
    public let status: OutputStatus
    /// The ``Cell/sourceHash`` of the cell's source when it ran.
    public let sourceHash: String
    /// What the region holds, in order.
    public let items: [OutputItem]
    /// The 1-based line of the begin marker in the file it was read from (0 for new regions).
    public let line: Int

    /// The blank lines between the cell and the region, kept as they were.
    var leadingGap: String
    /// From the begin marker through the end marker's line ending.
    public internal(set) var rawText: String

    /// Renders a new region.
    ///
    /// Text items go into `text` fences (a diagnostic into an `error` fence), each fence longer than any backtick run
    /// inside it, and
    /// images become Markdown image links; items are separated by a blank line.
    public init(
        cellID: String, status: OutputStatus, sourceHash: String, items: [OutputItem],
        lineEnding: LineEnding = .lf
    ) {
        self.cellID = cellID
        self.status = status
        self.sourceHash = sourceHash
        self.items = items
        self.line = 0
        self.leadingGap = lineEnding.rawValue
        var text = "<!-- output:begin id=\(cellID) status=\(status.rawValue) src=\(sourceHash) -->\n"
        for (index, item) in items.enumerated() {
            if index > 0 { text += "\n" }
            switch item {
            case .text(let body):
                let body = Cell.normalize(body)
                let fence = Fence.backticks(longerThanRunsIn: body)
                text += fence + "text\n" + body + fence + "\n"
            case .error(let body):
                let body = Cell.normalize(body)
                let fence = Fence.backticks(longerThanRunsIn: body)
                text += fence + "error\n" + body + fence + "\n"
            case .image(let path, let alt):
                text += "![\(OutputRegion.escapeAlt(alt))](\(path))\n"
            }
        }
        text += "<!-- output:end -->\n"
        self.rawText = lineEnding == .lf ? text : text.replacingLF(with: lineEnding.rawValue)
    }

    init(
        cellID: String, status: OutputStatus, sourceHash: String, items: [OutputItem], line: Int,
        leadingGap: String, rawText: String
    ) {
        self.cellID = cellID
        self.status = status
        self.sourceHash = sourceHash
        self.items = items
        self.line = line
        self.leadingGap = leadingGap
        self.rawText = rawText
    }

    /// Whether the cell changed since this output was produced.
    public func isStale(for cell: Cell) -> Bool {
        sourceHash != cell.sourceHash
    }

    /// The region's text with LF line endings: what `pilot check` compares.
    public var normalizedText: String { rawText.replacingCRLF() }

    /// The image paths this region links to.
    public var imagePaths: [String] {
        items.compactMap { if case .image(let path, _) = $0 { path } else { nil } }
    }

    static func escapeAlt(_ alt: String) -> String {
        var result = ""
        for character in alt {
            switch character {
            case "[", "]", "\\": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}

/// How a cell's last run ended.
public enum OutputStatus: String, Sendable, Equatable, CaseIterable {
    case ok
    case error
    case interrupted
}

/// One thing in an output region.
public enum OutputItem: Sendable, Equatable {
    /// Preformatted text (a table, a message).
    case text(String)
    /// Why the cell stopped (a failure or an interruption), as the diagnostic renderer wrote
    /// it; stored in an `error` fence, so readers tell it from the output without reading it.
    case error(String)
    /// An image file, by its path relative to the workbook, with alternative text.
    case image(path: String, alt: String)
}
