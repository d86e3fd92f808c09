import Charts
import TestSupport
import Testing

@Suite("SVG charts")
struct SVGChartTests {
    static func leaderboard() -> String {
        let values = [0.6651, 0.6628, 0.6373, 0.6195]
        let scale = BarScale.showingDifferences(values)
        return SVGChart.horizontalBars(labels: ["ensemble-021", "xgboost-dpp1-007", "mlp-dpp2-005", "linear-dpp2-003"],
                                       values: values, valueTexts: values.map { String(format: "%.4f", $0) },
                                       title: "F1 by candidate: tutorial",
                                       note: "validation F1, higher is better; the bars start at 0.60, not at 0", scale: scale)
    }

    @Test("bars from a floor get an axis of round numbers: the whole file, pinned")
    func barsFromAFloor() {
        let svg = Self.leaderboard()
        #expect(svg == Snapshot.expected(svg, named: "leaderboard.svg"))
        #expect(svg == Self.leaderboard())
        for tick in ["0.60", "0.62", "0.64", "0.66"] { #expect(svg.contains(">\(tick)</text>")) }
    }

    @Test("labels are escaped, Japanese included, and cut by display width")
    func labels() {
        let long = String(repeating: "長", count: 20)
        let svg = SVGChart.horizontalBars(labels: ["<b>&\"x\"", "日本語の職業", long], values: [3, 2, 1],
                                          valueTexts: ["3 (50.0%)", "2 (33.3%)", "1 (16.7%)"], title: "counts of 職業 (人)",
                                          note: "3 distinct values in 6 rows")
        #expect(svg.contains(">&lt;b&gt;&amp;&quot;x&quot;</text>"))
        #expect(svg.contains(">日本語の職業</text>"))
        #expect(svg.contains(">" + String(repeating: "長", count: 15) + "…</text>"))
        #expect(svg.contains("<title>counts of 職業 (人)</title>"))
        #expect(!svg.contains("id="))
        #expect(!svg.contains("<path"))  // bars from zero: no axis
        #expect(svg == Snapshot.expected(svg, named: "counts-japanese.svg"))
    }
}
