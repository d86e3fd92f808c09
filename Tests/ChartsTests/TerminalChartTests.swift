@testable import Charts
import TestSupport
import Testing
import TextLayout

@Suite("Terminal drawings")
struct TerminalChartTests {
    @Test("bars from a floor: the differences between close scores show")
    func barsFromAFloor() {
        let values = [0.6651, 0.6628, 0.6373, 0.6195]
        let chart = TerminalBars.chart(labels: ["ensemble-021", "xgboost-dpp1-007", "mlp-dpp2-005", "linear-dpp2-003"],
                                       values: values, valueTexts: values.map { String(format: "%.4f", $0) }, width: 60,
                                       scale: .showingDifferences(values))
        #expect(chart == """
        ensemble-021      ██████████████████████████████████  0.6651
        xgboost-dpp1-007  ████████████████████████████████▊   0.6628
        mlp-dpp2-005      ███████████████████▌                0.6373
        linear-dpp2-003   ██████████▏                         0.6195
        """)
    }

    @Test("Japanese labels line up by display width, and long ones are cut")
    func japaneseLabels() {
        let chart = TerminalBars.chart(labels: ["はい", "いいえ", "とても長い日本語のラベルですよね本当に"], values: [3, 2, .nan],
                                       valueTexts: ["3", "2", "?"], width: 50)
        #expect(chart == """
        はい                      █████████████████████  3
        いいえ                    ██████████████         2
        とても長い日本語のラベ…                          ?
        """)
        #expect(Set(chart.split(separator: "\n").map(\.displayWidth)) == [50])
    }

    static let roc: [(Double, Double)] = [(0, 0), (0, 0.4), (0.05, 0.7), (0.1, 0.85), (0.3, 0.95), (0.6, 1), (1, 1)]
    static let pr: [(Double, Double)] = [(0, 1), (0.2, 0.95), (0.5, 0.8), (0.8, 0.6), (1, 0.3), (1, 0.1)]

    @Test("ROC and precision-recall side by side: twelve lines, at most 100 columns")
    func curves() {
        let drawing = TerminalCurves.sideBySide([
            .init(title: "ROC curve, AUC 0.9500", yLabel: "true positive rate", xLabel: "false positive rate",
                  points: Self.roc, diagonal: true),
            .init(title: "precision-recall curve", yLabel: "precision", xLabel: "recall", points: Self.pr),
        ], width: 100)
        #expect(drawing == Snapshot.expected(drawing, named: "curves.txt"))
        let lines = drawing.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.displayWidth <= 100 && !$0.hasSuffix(" ") })
    }

    @Test("a narrow terminal gets narrower plots")
    func narrow() {
        let drawing = TerminalCurves.sideBySide([
            .init(title: "ROC", yLabel: "TPR", xLabel: "false positive rate", points: Self.roc),
            .init(title: "PR", yLabel: "precision", xLabel: "recall", points: Self.pr),
        ], width: 50, rows: 5)
        let lines = drawing.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.allSatisfy { $0.displayWidth <= 50 })
    }

    @Test("the curve's height at x: interpolated, after a vertical run")
    func valueAt() {
        #expect(TerminalCurves.value(of: Self.roc, at: 0) == 0.4)
        #expect(abs(TerminalCurves.value(of: Self.roc, at: 0.2) - 0.9) < 1e-12)
        #expect(TerminalCurves.value(of: Self.pr, at: 1) == 0.1)
    }
}
