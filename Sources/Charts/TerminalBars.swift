import TextLayout

/// Horizontal bars drawn with block characters, eighths included: `████▍`.
public enum TerminalBars {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `value / maximum` of `width` cells long.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let units = Int((value / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Labelled bars, one per line: `label  ████▍  count`, fitting `width` cells.
    public static func chart(labels: [String], values: [Double], valueTexts: [String], width: Int) -> String {
        let labelWidth = min(24, labels.map(\.displayWidth).max() ?? 0)
        let valueWidth = valueTexts.map(\.displayWidth).max() ?? 0
        let barWidth = max(10, width - labelWidth - valueWidth - 4)
        let maximum = values.max() ?? 0
        return zip(labels, zip(values, valueTexts)).map { label, pair in
            let bar = bar(pair.0, of: maximum, width: barWidth)
            return label.truncated(to: labelWidth).padded(to: labelWidth) + "  " + bar.padded(to: barWidth) + "  "
                + pair.1.leftPadded(to: valueWidth)
        }.joined(separator: "\n")
    }
}
