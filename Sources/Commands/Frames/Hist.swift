import Charts
import Diagnostics
import Frames
import Kernel

/// `hist FRAME COL [bins=N]`: a histogram.
struct Hist: CellCommand {
    static let configuration = CommandConfiguration(
        "hist", area: .frames, summary: "a histogram of a numeric column, drawn in the output and as an SVG image",
        examples: ["hist data age", "hist data age bins=20"])

    @Argument(.frame) var frame: String
    @Argument(.column) var column: String
    @Option(.int(in: 1...200), "how many equal-width bins", default: 10) var bins: Int

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let column = try data.requireColumn(self.column, in: frame)
        guard column.type.isNumeric, let values = column.data.doubles else {
            throw Diagnostic(
                "'\(column.name)' holds \(column.type.rawValue)s, not numbers",
                hint: "for categories use: counts \(frame) \(column.name)")
        }
        let histogram = Histogram(values, bins: bins)
        guard !histogram.counts.isEmpty else {
            throw Diagnostic("'\(column.name)' has no values to draw", hint: "every value is missing")
        }
        let edges = NumberFormat.column(histogram.edges)
        let labels = histogram.counts.indices.map { i in
            "[\(edges[i]), \(edges[i + 1])\(i == histogram.counts.count - 1 ? "]" : ")")"
        }
        context.print("histogram of \(column.name) (\(bins) bins, \(values.count - histogram.missing) values)")
        context.print(
            TerminalBars.chart(
                labels: labels, values: histogram.counts.map(Double.init),
                valueTexts: histogram.counts.map(String.init), width: min(context.width, 80)))
        if histogram.missing > 0 { context.print("\(histogram.missing) missing values not drawn") }
        let svg = SVGChart.histogram(
            edges: histogram.edges, counts: histogram.counts,
            title: "\(column.name) (\(frame))", xLabel: column.name)
        context.output.image(svg: svg, alt: "histogram of \(column.name)")
    }
}
