import TextLayout

/// Curves in the unit square (ROC, precision-recall) drawn with box-drawing lines, side by side:
///
/// ```
/// ROC curve, AUC 0.9514                        precision-recall curve
/// true positive rate                           precision
/// 1 ┤  ╭─────────────────────────────────      1 ┤╮
///   │  │                                ·        │╰──╮
///   │ ╭╯                           ·             │   ╰────────────╮
///   │ │                       ·                  │                ╰───────╮
///   │ │                  ·                       │                        ╰────╮
///   │╭╯             ·                            │                             ╰╮
///   ││         ·                                 │                              │
/// 0 ┤╯    ·                                    0 ┤                              ╰
///   └┬──────────────────────────────────┬        └┬──────────────────────────────────┬
///    0       false positive rate        1         0              recall              1
/// ```
///
/// Box-drawing characters are in every monospaced font (DejaVu Sans Mono included), so the
/// drawing lines up in a terminal, in Markdown and in an exported web page alike.
public enum TerminalCurves {
    /// One curve with its titles.
    public struct Panel: Sendable {
        public var title: String
        public var yLabel: String
        public var xLabel: String
        /// Points of the unit square in drawing order, x never decreasing.
        public var points: [(Double, Double)]
        /// Whether to dot the diagonal from (0, 0) to (1, 1) (a ROC curve's line of chance).
        public var diagonal: Bool

        public init(title: String, yLabel: String, xLabel: String, points: [(Double, Double)], diagonal: Bool = false) {
            self.title = title
            self.yLabel = yLabel
            self.xLabel = xLabel
            self.points = points
            self.diagonal = diagonal
        }
    }

    /// The panels side by side, each `rows` lines high and at most 36 cells wide, together at
    /// most `width` cells wide; `rows + 4` lines in all, without trailing spaces.
    public static func sideBySide(_ panels: [Panel], width: Int, rows: Int = 8) -> String {
        guard !panels.isEmpty else { return "" }
        let gap = 6, n = panels.count
        let plotWidth = max(8, min(36, (width - gap * (n - 1)) / n - 3))
        let blocks = panels.map { panel(for: $0, plotWidth: plotWidth, rows: max(2, rows)) }
        return blocks[0].indices.map { line in
            var text = ""
            for (index, block) in blocks.enumerated() {
                text += index == blocks.count - 1 ? block[line] : block[line].padded(to: plotWidth + 3 + gap)
            }
            return String(text.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n")
    }

    private static func panel(for panel: Panel, plotWidth: Int, rows: Int) -> [String] {
        // grid[row][column], row 0 at the top.
        var grid = [[Character]](repeating: [Character](repeating: " ", count: plotWidth), count: rows)
        func row(_ y: Double) -> Int { rows - 1 - Int((min(1, max(0, y)) * Double(rows - 1)).rounded()) }
        if panel.diagonal {
            for column in stride(from: 1, to: plotWidth, by: 5) {
                grid[row(Double(column) / Double(plotWidth - 1))][column] = "·"
            }
        }
        if let first = panel.points.first {
            // Each column covers [c/w, (c+1)/w] of x: the curve enters it at one height and leaves at another.
            var enter = row(first.1)
            for column in 0..<plotWidth {
                let leave = row(value(of: panel.points, at: Double(column + 1) / Double(plotWidth)))
                if enter == leave {
                    grid[enter][column] = "─"
                } else {
                    let up = leave < enter
                    grid[enter][column] = up ? "╯" : "╮"
                    grid[leave][column] = up ? "╭" : "╰"
                    for r in (min(enter, leave) + 1)..<max(enter, leave) { grid[r][column] = "│" }
                }
                enter = leave
            }
        }
        let width = plotWidth + 3
        var lines = [panel.title.truncated(to: width), panel.yLabel.truncated(to: width)]
        for (index, cells) in grid.enumerated() {
            lines.append((index == 0 ? "1 ┤" : index == rows - 1 ? "0 ┤" : "  │") + String(cells))
        }
        lines.append("  └┬" + String(repeating: "─", count: plotWidth - 2) + "┬")
        let name = panel.xLabel.truncated(to: plotWidth - 4)
        let before = (plotWidth - 2 - name.displayWidth) / 2
        let after = plotWidth - 2 - name.displayWidth - before
        lines.append("   0" + String(repeating: " ", count: before) + name + String(repeating: " ", count: after) + "1")
        return lines
    }

    /// The curve's height where it leaves `x`: after any vertical run at `x`, interpolated
    /// between the points around it.
    static func value(of points: [(Double, Double)], at x: Double) -> Double {
        guard let last = points.lastIndex(where: { $0.0 <= x + 1e-12 }) else { return points.first?.1 ?? 0 }
        guard last + 1 < points.count else { return points[last].1 }
        let (x0, y0) = points[last], (x1, y1) = points[last + 1]
        return x1 > x0 ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : y0
    }
}
