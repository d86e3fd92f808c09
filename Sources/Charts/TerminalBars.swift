import TextLayout

/// Horizontal bars drawn with block characters, eighths included: `████▍`.
public enum TerminalBars {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `value / maximum` of `width` cells long.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        return bar(fraction: value / maximum, width: width)
    }

    /// A bar filling `fraction` (0...1) of `width` cells, to the nearest eighth of a cell.
    public static func bar(fraction: Double, width: Int) -> String {
        guard fraction.isFinite, fraction > 0 else { return "" }
        let units = Int((min(1, fraction) * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Labelled bars, one per line: `label  ████▍  count`, fitting `width` cells.
    ///
    /// Bars run from zero to the largest value unless `scale` says otherwise (see
    /// ``BarScale/showingDifferences(_:)``); a value that is not a number gets no bar. Labels
    /// longer than 24 cells are cut with `…`; widths count East Asian wide characters as two.
    public static func chart(
        labels: [String], values: [Double], valueTexts: [String], width: Int,
        scale: BarScale? = nil
    ) -> String {
        let labelWidth = min(24, labels.map(\.displayWidth).max() ?? 0)
        let valueWidth = valueTexts.map(\.displayWidth).max() ?? 0
        let barWidth = max(10, width - labelWidth - valueWidth - 4)
        let scale = scale ?? .fromZero(values)
        return zip(labels, zip(values, valueTexts)).map { label, pair in
            let bar = bar(fraction: scale.fraction(pair.0), width: barWidth)
            return label.truncated(to: labelWidth).padded(to: labelWidth) + "  " + bar.padded(to: barWidth) + "  "
                + pair.1.leftPadded(to: valueWidth)
        }.joined(separator: "\n")
    }
}
