import Autopilot
import Charts
import Kernel
import TextLayout

/// The leaderboard: candidates ranked by the objective, as a table and as a chart.
enum Leaderboard {
    /// - Parameters:
    ///   - top: how many rows to show; the rest are counted in a note naming `experiment`.
    static func table(
        _ candidates: [Candidate], metric: Metric, problem: ProblemType, top: Int? = nil,
        experiment: String = "EXP"
    ) -> TextTable {
        let others = problem.reportedMetrics.filter { $0 != metric }.prefix(3)
        var columns: [TextTable.Column] = [
            .init("rank", alignment: .right), .init("candidate"), .init("algorithm"),
            .init(metric.rawValue, alignment: .right),
        ]
        columns += others.map { TextTable.Column($0.rawValue, alignment: .right) }
        // With many rows, candidates start on samples: the rows each was trained on.
        let sampled = candidates.contains { $0.sampleRows != nil }
        if sampled { columns.append(.init("rows", alignment: .right)) }
        let ranked = AutopilotJob.ranked(candidates, metric: metric)
        let shown = top.map { Array(ranked.prefix($0)) } ?? ranked
        let rows = shown.enumerated().map { index, c -> [String] in
            [String(index + 1), c.name, c.algorithm.displayName, c.metric(metric).map(Format.metric) ?? "?"]
                + others.map { c.metric($0).map(Format.metric) ?? "?" }
                + (sampled ? [c.sampleRows.map(String.init) ?? ""] : [])
        }
        var table = TextTable(columns: columns, rows: rows)
        if let top, ranked.count > top {
            table.hiddenRowsNote = "… \(ranked.count - top) more candidates: leaderboard \(experiment) shows all"
        }
        return table
    }

    /// The objective of each candidate the table shows, in its order, as bars: a caption line, then
    /// one bar per candidate. Close scores get bars that start above zero, and the caption says where.
    static func drawing(_ candidates: [Candidate], metric: Metric, width: Int) -> String {
        let ranked = AutopilotJob.ranked(candidates, metric: metric)
        return drawing(
            names: ranked.map(\.name), values: ranked.map { $0.metric(metric) ?? .nan }, metric: metric, width: width)
    }

    /// Bars of `values` (already ranked) labelled with `names`.
    static func drawing(names: [String], values: [Double], metric: Metric, width: Int) -> String {
        let scale = BarScale.showingDifferences(values)
        let chart = TerminalBars.chart(
            labels: names, values: values,
            valueTexts: values.map { $0.isNaN ? "?" : Format.metric($0) },
            width: min(width, 80), scale: scale)
        return caption(metric: metric, scale: scale).wrapped(to: width) + "\n" + chart
    }

    /// The same bars as an SVG image: candidate names on the left, the objective in the title.
    static func svg(_ candidates: [Candidate], metric: Metric, experiment: String) -> String {
        let ranked = AutopilotJob.ranked(candidates, metric: metric)
        return svg(
            names: ranked.map(\.name), values: ranked.map { $0.metric(metric) ?? .nan }, metric: metric,
            experiment: experiment)
    }

    /// Bars of `values` (already ranked) as an SVG image.
    static func svg(names: [String], values: [Double], metric: Metric, experiment: String) -> String {
        let scale = BarScale.showingDifferences(values)
        return SVGChart.horizontalBars(
            labels: names, values: values,
            valueTexts: values.map { $0.isNaN ? "?" : Format.metric($0) },
            title: "\(metric.rawValue) by candidate: \(experiment)",
            note: caption(metric: metric, scale: scale, named: false), scale: scale)
    }

    /// `F1 on validation by candidate, higher is better; the bars start at 0.60, not at 0`.
    static func caption(metric: Metric, scale: BarScale, named: Bool = true) -> String {
        var text = named ? "\(metric.rawValue) on validation by candidate, " : "validation \(metric.rawValue), "
        text += metric.higherIsBetter ? "higher is better" : "lower is better"
        if scale.isCut { text += "; the bars start at \(scale.label(scale.floor)), not at 0" }
        return text
    }
}
