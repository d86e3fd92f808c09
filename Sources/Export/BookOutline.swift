import Foundation
import Workbook

/// A workbook as an export shows it: prose, and cells with their last output.
///
/// The `<!-- pilotbook v1 -->` header line is dropped (it only matters to pilot), consecutive
/// prose is joined and trimmed of blank lines at either end, whitespace-only prose is skipped,
/// and line endings become LF everywhere.
struct BookOutline: Sendable {
    /// One piece of the outline.
    enum Section: Sendable, Equatable {
        /// Markdown prose, with LF line endings, no blank lines first or last and no final newline.
        case prose(String)
        /// A cell with the output stored under it.
        case cell(CellSection)
    }

    /// A cell and what it last produced.
    struct CellSection: Sendable, Equatable {
        /// The cell's id, when it has one.
        var id: String?
        /// The cell's commands, LF line endings, ending in a newline unless empty.
        var source: String
        /// The stored output region, if the cell has run.
        var output: OutputRegion? {
            didSet { items = (output?.items ?? []).map(CellSection.normalized) }
        }
        /// The output's items, with LF line endings; none when the cell has not run.
        private(set) var items: [OutputItem] = []
        /// Whether the cell changed after its stored output was produced.
        var isStale: Bool

        /// How the stored run ended; nil when the cell has not run.
        var status: OutputStatus? { output?.status }

        init(id: String?, source: String) {
            self.id = id
            self.source = source
            self.output = nil
            self.isStale = false
        }

        private static func normalized(_ item: OutputItem) -> OutputItem {
            guard case .text(let text) = item else { return item }
            return .text(text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    var sections: [Section]

    init(_ workbook: Workbook) {
        var sections: [Section] = []
        var prose = ""
        func flushProse() {
            let trimmed = BookOutline.trimmingBlankLines(prose)
            if !trimmed.isEmpty { sections.append(.prose(trimmed)) }
            prose = ""
        }
        var pendingCell: CellSection?
        var lastCell: Cell?
        func flushCell() {
            if let cell = pendingCell { sections.append(.cell(cell)) }
            pendingCell = nil
        }
        for (index, block) in workbook.blocks.enumerated() {
            switch block {
            case .prose(let text):
                flushCell()
                var text = text.replacingOccurrences(of: "\r\n", with: "\n")
                if index == 0 { text = BookOutline.droppingHeader(text) }
                prose += text
            case .cell(let cell):
                flushCell()
                flushProse()
                lastCell = cell
                pendingCell = CellSection(id: cell.id, source: cell.source)
            case .output(let region):
                pendingCell?.output = region
                pendingCell?.isStale = lastCell.map(region.isStale(for:)) ?? false
            }
        }
        flushCell()
        flushProse()
        self.sections = sections
    }

    /// The cells, in order.
    var cells: [CellSection] {
        sections.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The text without blank (or whitespace-only) lines at either end, and no final newline.
    static func trimmingBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The text without a leading `<!-- pilotbook v1 -->` line.
    static func droppingHeader(_ text: String) -> String {
        guard text.hasPrefix(Workbook.header) else { return text }
        let rest = text.dropFirst(Workbook.header.count)
        guard let first = rest.first else { return "" }
        return first == "\n" ? String(rest.dropFirst()) : text
    }
}
