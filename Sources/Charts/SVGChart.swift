import TextLayout

#if canImport(Glibc)
import Glibc
#endif

/// Charts as small, self-contained SVG documents: fixed size, no scripts, no random ids, no
/// timestamps, so the same data always gives the same bytes (and the same file name in
/// `BOOK.assets/`).
public enum SVGChart {
    static let width = 640.0, height = 320.0
    static let left = 64.0, right = 16.0, top = 40.0, bottom = 48.0

    /// A histogram: bins from `edges` (one more than `counts`).
    public static func histogram(edges: [Double], counts: [Int], title: String, xLabel: String) -> String {
        let maximum = Double(counts.max() ?? 0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        var body = ""
        let n = Double(max(1, counts.count))
        for (i, count) in counts.enumerated() {
            let h = maximum > 0 ? Double(count) / maximum * plotHeight : 0
            let x = left + plotWidth * Double(i) / n
            body += rect(x: x + 0.5, y: top + plotHeight - h, width: plotWidth / n - 1, height: h)
        }
        body += axes(plotWidth: plotWidth, plotHeight: plotHeight, maximum: maximum)
        // x ticks at the first, middle and last edge.
        if let first = edges.first, let last = edges.last {
            for (fraction, value) in [(0.0, first), (0.5, (first + last) / 2), (1.0, last)] {
                body += text(left + plotWidth * fraction, top + plotHeight + 16, number(value), anchor: "middle")
            }
        }
        body += text(left + plotWidth / 2, height - 8, xLabel, anchor: "middle")
        return document(title: title, body: body)
    }

    /// Vertical bars, one per label.
    public static func bars(labels: [String], values: [Double], title: String) -> String {
        let maximum = values.max() ?? 0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let n = Double(max(1, values.count))
        var body = ""
        for (i, value) in values.enumerated() {
            let h = maximum > 0 ? value / maximum * plotHeight : 0
            let x = left + plotWidth * Double(i) / n
            body += rect(x: x + 2, y: top + plotHeight - h, width: plotWidth / n - 4, height: h)
            if values.count <= 16 {
                body += text(
                    x + plotWidth / n / 2, top + plotHeight + 16, labels[i].truncated(to: 10), anchor: "middle")
            }
        }
        body += axes(plotWidth: plotWidth, plotHeight: plotHeight, maximum: maximum)
        return document(title: title, body: body)
    }

    /// Horizontal bars, one per label, in the order given: labels on the left, values at the
    /// end of each bar. For rankings such as feature importance, value counts or a leaderboard.
    ///
    /// - Parameters:
    ///   - valueTexts: what to write at the end of each bar; the values themselves when `nil`.
    ///   - note: a smaller line under the title (what was measured, what was left out).
    ///   - scale: where bars start; from zero to the largest value when `nil`. A scale that
    ///     starts elsewhere (``BarScale/isCut``) gets an axis with round numbers under the bars.
    public static func horizontalBars(
        labels: [String], values: [Double], valueTexts: [String]? = nil, title: String,
        note: String? = nil, scale: BarScale? = nil
    ) -> String {
        let scale = scale ?? .fromZero(values)
        let texts = valueTexts ?? values.map(number)
        let shownLabels = labels.map { $0.truncated(to: 32) }
        let labelWidth = min(230, max(60, textWidth(shownLabels.map(\.displayWidth).max() ?? 0) + 16))
        let valueSpace = textWidth(texts.map(\.displayWidth).max() ?? 0) + 14
        let rowHeight = 22.0
        let top = note == nil ? 40.0 : 56.0
        let plotWidth = width - labelWidth - right - valueSpace
        let plotBottom = top + rowHeight * Double(values.count)
        let height = plotBottom + (scale.isCut ? 36 : 16)
        var body = note.map { text(width / 2, 40, $0, anchor: "middle", size: 11, fill: "#555") } ?? ""
        if scale.isCut {
            for tick in scale.ticks {
                let x = labelWidth + scale.fraction(tick) * plotWidth
                body += "<path d=\"M\(f(x)) \(f(top)) V\(f(plotBottom + 4))\" stroke=\"#ddd\" fill=\"none\"/>\n"
                body += text(x, plotBottom + 18, scale.label(tick), anchor: "middle", fill: "#555")
            }
            body +=
                "<path d=\"M\(f(labelWidth)) \(f(plotBottom)) H\(f(labelWidth + plotWidth))\" stroke=\"#444\" "
                + "fill=\"none\"/>\n"
        }
        for (i, value) in values.enumerated() {
            let y = top + rowHeight * Double(i)
            let w = scale.fraction(value) * plotWidth
            body += text(labelWidth - 8, y + 15, shownLabels[i], anchor: "end")
            body += rect(x: labelWidth, y: y + 3, width: w, height: rowHeight - 6)
            body += text(labelWidth + w + 6, y + 15, texts[i], anchor: "start")
        }
        if scale.isCut {
            body += "<path d=\"M\(f(labelWidth)) \(f(top)) V\(f(plotBottom))\" stroke=\"#444\" fill=\"none\"/>\n"
        }
        return document(title: title, body: body, height: height)
    }

    /// Roughly how many pixels `cells` terminal cells of 12-pixel sans-serif text take (a wide
    /// character counts two cells and is about 12 pixels wide).
    static func textWidth(_ cells: Int) -> Double { (Double(cells) * 6.6).rounded() }

    /// A line chart of curves in the unit square (ROC, precision-recall), with axis labels and
    /// an optional dashed diagonal.
    public static func unitCurves(
        _ curves: [(label: String, points: [(Double, Double)])], title: String, xLabel: String,
        yLabel: String, diagonal: Bool
    ) -> String {
        let size = 240.0
        let x0 = 70.0, y0 = 40.0
        var body =
            "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(size))\" height=\"\(f(size))\" fill=\"none\" "
            + "stroke=\"#444\"/>\n"
        if diagonal {
            body +=
                "<path d=\"M\(f(x0)) \(f(y0 + size)) L\(f(x0 + size)) \(f(y0))\" stroke=\"#999\" "
                + "stroke-dasharray=\"4 4\" fill=\"none\"/>\n"
        }
        let colors = ["#3b7dd8", "#d8663b", "#3bb273"]
        for (index, curve) in curves.enumerated() {
            let d = curve.points.enumerated().map { i, p in
                "\(i == 0 ? "M" : "L")\(f(x0 + p.0 * size)) \(f(y0 + (1 - p.1) * size))"
            }.joined(separator: " ")
            body += "<path d=\"\(d)\" stroke=\"\(colors[index % colors.count])\" stroke-width=\"2\" fill=\"none\"/>\n"
            body += text(x0 + size + 16, y0 + 16 + Double(index) * 18, curve.label, anchor: "start")
        }
        for v in [0.0, 0.5, 1.0] {
            body += text(x0 + v * size, y0 + size + 16, number(v), anchor: "middle")
            body += text(x0 - 6, y0 + (1 - v) * size + 4, number(v), anchor: "end")
        }
        body += text(x0 + size / 2, y0 + size + 34, xLabel, anchor: "middle")
        body +=
            "<text x=\"18\" y=\"\(f(y0 + size / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
            + "\(f(y0 + size / 2)))\">\(yLabel.xmlEscaped)</text>\n"
        return document(title: title, body: body)
    }

    private static func axes(plotWidth: Double, plotHeight: Double, maximum: Double) -> String {
        var s =
            "<path d=\"M\(f(left)) \(f(top)) V\(f(top + plotHeight)) H\(f(left + plotWidth))\" stroke=\"#444\" "
            + "fill=\"none\"/>\n"
        for fraction in [0.0, 0.5, 1.0] {
            let y = top + plotHeight * (1 - fraction)
            s += text(left - 6, y + 4, number(maximum * fraction), anchor: "end")
        }
        return s
    }

    private static func document(title: String, body: String, height: Double = height) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(f(width)) \(f(height))" width="\(f(width))" \
        height="\(f(height))" font-family="sans-serif" font-size="12">
        <title>\(title.xmlEscaped)</title>
        <rect width="100%" height="100%" fill="#fff"/>
        \(text(width / 2, 22, title, anchor: "middle", size: 14))\(body)</svg>

        """
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, width)))\" height=\"\(f(height))\" fill=\"#3b7dd8\"/>\n"
    }

    private static func text(
        _ x: Double, _ y: Double, _ content: String, anchor: String, size: Int? = nil,
        fill: String? = nil
    ) -> String {
        let font = size.map { " font-size=\"\($0)\"" } ?? ""
        let color = fill.map { " fill=\"\($0)\"" } ?? ""
        return
            "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(font)\(color)>\(content.xmlEscaped)</text>\n"
    }

    /// Coordinates with two decimals at most, trailing zeros dropped.
    static func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var buffer = [CChar](repeating: 0, count: 32)
        _ = withVaList([value]) { vsnprintf(&buffer, 32, "%.4g", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

}
