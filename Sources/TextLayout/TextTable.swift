/// A box-drawn table for the terminal and for stored output.
///
/// ```
/// ┌──────┬─────────┬───────┐
/// │ name │ kind    │ value │
/// ├──────┼─────────┼───────┤
/// │ seed │ setting │    42 │
/// └──────┴─────────┴───────┘
/// ```
///
/// Widths are measured in terminal cells (East Asian wide characters count two). A table wider
/// than the width shows its first and last columns with a `…` column between them and says how
/// many columns it left out; a table with more rows than ``maxRows`` shows its first and last
/// rows the same way. Values wider than ``maxColumnWidth`` are cut, with `…` marking the cut.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Leading columns always shown (an index column, say).
    public var pinnedColumns = 0
    /// Rows shown before eliding the middle ones; `nil` shows all.
    public var maxRows: Int?
    /// How wide one value may be before it is cut.
    public var maxColumnWidth = 32
    /// Rows left out before these rows, already (by a `head` of a larger frame, say).
    public var hiddenRowsNote: String?

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The table's lines, at most `maxWidth` cells wide each, joined with newlines (no final one).
    public func render(maxWidth: Int = 100) -> String {
        var natural = columns.indices.map { index in
            rows.reduce(columns[index].title.displayWidth) { max($0, $1[safe: index]?.displayWidth ?? 0) }
        }
        // Long values are cut to maxColumnWidth only when the table would not fit otherwise.
        if natural.reduce(0, +) + natural.count * 3 + 1 > maxWidth {
            natural = natural.map { min($0, maxColumnWidth) }
        }
        // The narrowest a column gets before columns are left out instead.
        let narrowest = columns.indices.map { min(natural[$0], max(6, min(columns[$0].title.displayWidth, 12))) }
        // Choose the columns: all if they fit, else the pinned ones, then from both ends.
        var shown = Array(columns.indices)
        var elidedAt: Int?
        // When columns must go, those kept are shown whole up to 20 cells.
        let comfortable = natural.map { min($0, 20) }
        func width(_ indices: [Int], ellipsis: Bool, _ sizes: [Int]) -> Int {
            indices.reduce(0) { $0 + sizes[$1] + 3 } + 1 + (ellipsis ? 4 : 0)
        }
        if width(shown, ellipsis: false, narrowest) > maxWidth, columns.count > pinnedColumns + 1 {
            var left = Array(0..<min(pinnedColumns, columns.count))
            var right: [Int] = []
            var nextLeft = left.count, nextRight = columns.count - 1
            var takeLeft = true
            while nextLeft <= nextRight {
                let candidate = takeLeft ? nextLeft : nextRight
                let trial = takeLeft ? left + [candidate] + right : left + [candidate] + right
                if width(trial, ellipsis: nextLeft < nextRight, comfortable) > maxWidth { break }
                if takeLeft {
                    left.append(candidate); nextLeft += 1
                } else {
                    right.insert(candidate, at: 0); nextRight -= 1
                }
                takeLeft.toggle()
            }
            if left.count + right.count < columns.count {
                if left.count <= pinnedColumns, right.isEmpty, nextLeft < columns.count {
                    left.append(nextLeft)  // at least one data column, cut to fit below
                }
                shown = left + right
                elidedAt = left.count
            }
        }
        var widths = shown.map { natural[$0] }
        let chrome = shown.count * 3 + 1 + (elidedAt != nil ? 4 : 0)
        while widths.reduce(0, +) + chrome > maxWidth,
            let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3
        {
            widths[widest] -= 1
        }

        func line(_ left: String, _ middle: String, _ right: String) -> String {
            var parts = widths.map { String(repeating: "─", count: $0 + 2) }
            if let at = elidedAt { parts.insert("───", at: at) }
            return left + parts.joined(separator: middle) + right
        }
        func row(_ values: [String], header: Bool, ellipsis: Bool = false) -> String {
            var cells = shown.enumerated().map { position, index -> String in
                let value = ellipsis ? "…" : (values[safe: index] ?? "").truncated(to: widths[position])
                let alignment = header ? .left : columns[index].alignment
                return alignment == .right ? value.leftPadded(to: widths[position]) : value.padded(to: widths[position])
            }
            if let at = elidedAt { cells.insert("…", at: at) }
            return "│ " + cells.joined(separator: " │ ") + " │"
        }

        var body = rows
        var elidedRows = 0
        var splitAt: Int?
        if let maxRows, rows.count > maxRows {
            let head = (maxRows + 1) / 2, tail = maxRows / 2
            elidedRows = rows.count - head - tail
            body = Array(rows.prefix(head)) + Array(rows.suffix(tail))
            splitAt = head
        }
        var lines = [line("┌", "┬", "┐"), row(columns.map(\.title), header: true), line("├", "┼", "┤")]
        for (index, values) in body.enumerated() {
            if index == splitAt { lines.append(row([], header: false, ellipsis: true)) }
            lines.append(row(values, header: false))
        }
        lines.append(line("└", "┴", "┘"))
        var notes: [String] = []
        if elidedRows > 0 { notes.append("… \(elidedRows) more row\(elidedRows == 1 ? "" : "s")") }
        if let hiddenRowsNote { notes.append(hiddenRowsNote) }
        if let at = elidedAt {
            let hidden = columns.count - shown.count
            let names = shown.count > at ? Array(columns.indices[shown[at - 1] + 1..<shown[at]]) : []
            let list = names.map { columns[$0].title }.joined(separator: ", ")
            notes.append(("… \(hidden) more column\(hidden == 1 ? "" : "s"): " + list).truncated(to: maxWidth))
        }
        return (lines + notes).joined(separator: "\n")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
