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
/// Widths are measured in terminal cells (East Asian wide characters count two). When the table
/// is wider than `maxWidth`, the widest columns are cut, with `…` marking each cut value.
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

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The table's lines, at most `maxWidth` cells wide each, joined with newlines (no final one).
    public func render(maxWidth: Int = 100) -> String {
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.displayWidth) { max($0, $1[safe: index]?.displayWidth ?? 0) }
        }
        // Borders take 1 cell per column plus 1, and each cell has a space either side.
        let chrome = columns.count * 3 + 1
        while widths.reduce(0, +) + chrome > maxWidth,
              let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }
        func line(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        }
        func row(_ values: [String], header: Bool) -> String {
            let cells = columns.indices.map { index -> String in
                let value = (values[safe: index] ?? "").truncated(to: widths[index])
                let alignment = header ? .left : columns[index].alignment
                return alignment == .right ? value.leftPadded(to: widths[index]) : value.padded(to: widths[index])
            }
            return "│ " + cells.joined(separator: " │ ") + " │"
        }
        var lines = [line("┌", "┬", "┐"), row(columns.map(\.title), header: true), line("├", "┼", "┤")]
        lines += rows.map { row($0, header: false) }
        lines.append(line("└", "┴", "┘"))
        return lines.joined(separator: "\n")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
