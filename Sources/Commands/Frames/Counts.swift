import Charts
import Frames
import Kernel
import TextLayout

/// `counts FRAME COL [into NAME]`: how often each value occurs.
struct Counts: CellCommand {
    static let configuration = CommandConfiguration(
        "counts", area: .frames, summary: "how often each value of a column occurs, with shares and bars",
        discussion: "The most frequent values (as many as the table shows) are also drawn as an SVG bar chart.",
        examples: ["counts data y", "counts data job into jobs"])

    @Argument(.frame) var frame: String
    @Argument(.column) var column: String
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let column = try data.requireColumn(self.column, in: frame)
        let counts = column.valueCounts()
        let total = counts.total + counts.missing
        let shares = counts.counts.map { Double($0) / Double(max(1, total)) }
        let barWidth = 24
        let maximum = Double(counts.counts.first ?? 0)
        let rows = counts.values.indices.map { i in
            [
                counts.values[i], String(counts.counts[i]), Self.percent(shares[i]),
                TerminalBars.bar(Double(counts.counts[i]), of: maximum, width: barWidth),
            ]
        }
        var table = TextTable(
            columns: [
                .init(column.name), .init("count", alignment: .right),
                .init("share", alignment: .right), .init(""),
            ], rows: rows)
        table.maxRows = max(20, context.session.integerSetting("rows") * 2)
        context.print(table.render(maxWidth: context.width))
        var summary = "\(counts.values.count) distinct value\(counts.values.count == 1 ? "" : "s") in \(total) rows"
        if counts.missing > 0 {
            summary += "; \(counts.missing) missing (\(Self.percent(Double(counts.missing) / Double(total))))"
        }
        context.print(summary)
        if !counts.values.isEmpty {
            let drawn = min(counts.values.count, table.maxRows ?? counts.values.count)
            var note = summary
            if drawn < counts.values.count {
                let others = counts.counts[drawn...].reduce(0, +)
                note = "the \(drawn) most frequent of \(counts.values.count) values; \(others) rows hold the others"
                if counts.missing > 0 { note += "; \(counts.missing) missing" }
            }
            let svg = SVGChart.horizontalBars(
                labels: Array(counts.values.prefix(drawn)),
                values: counts.counts.prefix(drawn).map(Double.init),
                valueTexts: (0..<drawn).map { "\(counts.counts[$0]) (\(Self.percent(shares[$0])))" },
                title: "counts of \(column.name) (\(frame))", note: note)
            context.output.image(svg: svg, alt: "counts of \(column.name)")
        }
        if let into {
            let result = Frame(columns: [
                Column(name: column.name, data: .strings(counts.values)),
                Column(name: "count", data: .int(counts.counts.map(Int64.init), missing: nil)),
                Column(name: "share", data: .double(shares)),
            ])
            context.keep(result, as: into, origin: "counts \(frame) \(self.column)")
        }
    }

    /// `11.3%`.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
