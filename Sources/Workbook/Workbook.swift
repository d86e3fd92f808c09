/// A `.pilotbook` file: Markdown prose, `pilot` cells and the output regions the tool writes.
///
/// A workbook is kept as the sequence of blocks it was read from, each holding its exact text,
/// so writing it back gives the same bytes (``text`` and ``bytes``). Running a cell replaces only
/// that cell's output region (``setOutput(_:forCell:)``); everything a user wrote stays as it was.
///
/// ```swift
/// var book = try Workbook(parsing: bytes)
/// book.assignMissingIDs()
/// for cell in book.cells { ... }
/// ```
public struct Workbook: Sendable, Equatable {
    /// The blocks of the file, in order.
    public internal(set) var blocks: [Block]
    /// Whether the file starts with a UTF-8 byte order mark (kept when writing).
    public var hasByteOrderMark: Bool
    /// The line ending used for text the tool adds: the file's first line ending, LF by default.
    public var lineEnding: LineEnding

    /// The header line new workbooks start with.
    public static let header = "<!-- pilotbook v1 -->"

    /// An empty workbook with just the header line.
    public init() {
        blocks = [.prose(Workbook.header + "\n")]
        hasByteOrderMark = false
        lineEnding = .lf
    }

    init(blocks: [Block], hasByteOrderMark: Bool, lineEnding: LineEnding) {
        self.blocks = blocks
        self.hasByteOrderMark = hasByteOrderMark
        self.lineEnding = lineEnding
    }

    /// The file's text, without the byte order mark.
    public var text: String {
        var result = ""
        for block in blocks {
            switch block {
            case .prose(let text): result += text
            case .cell(let cell): result += cell.rawText
            case .output(let region): result += region.leadingGap + region.rawText
            }
        }
        return result
    }

    /// The file's bytes, exactly as they should be written to disk.
    public var bytes: [UInt8] {
        (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// The cells, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The output region stored under the cell with this id, if any.
    public func output(forCell id: String) -> OutputRegion? {
        guard let index = blockIndex(ofCell: id), index + 1 < blocks.count,
            case .output(let region) = blocks[index + 1]
        else { return nil }
        return region
    }

    /// The cell with this id.
    public func cell(withID id: String) -> Cell? {
        cells.first { $0.id == id }
    }

    func blockIndex(ofCell id: String) -> Int? {
        blocks.firstIndex { if case .cell(let cell) = $0 { cell.id == id } else { false } }
    }
}

/// One piece of a workbook.
public enum Block: Sendable, Equatable {
    /// Text that is not a cell or an output region, kept byte for byte.
    case prose(String)
    /// A fenced block whose info string starts with `pilot`.
    case cell(Cell)
    /// The output region of the cell just before it.
    case output(OutputRegion)
}

/// The line ending a workbook uses for text the tool writes into it.
public enum LineEnding: String, Sendable, Equatable {
    case lf = "\n"
    case crlf = "\r\n"
}
