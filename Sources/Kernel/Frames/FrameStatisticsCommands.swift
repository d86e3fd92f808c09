import Charts
import Frames
import TextLayout

/// `describe`, `counts` and `hist`.
enum FrameStatisticsCommands {
    static let all: [Command] = [describe, counts, hist]

    static let describe = Command(
        "describe", area: .frames, usage: "describe FRAME [COL...] [all] [into NAME]",
        summary: "summary statistics per column, as pandas' describe()",
        discussion: """
        Numbers get count, mean, std, min, quartiles and max; with 'all' (or naming them) string columns \
        get count, unique, top and freq. Numbers print as pandas prints them.
        """,
        examples: ["describe data", "describe data age duration", "describe data all", "describe data into stats"]
    ) { line, context throws(KernelError) in
        var (words, into) = try line.trailing("into", in: line.words)
        guard !words.isEmpty else { throw context.commands["describe"]!.usageError("describe needs a frame") }
        let name = words.removeFirst()
        let frame = try context.session.frame(name)
        var all = false
        if words.last == "all", frame.column(named: "all") == nil { all = true; words.removeLast() }
        for column in words { _ = try frame.requireColumn(column, in: name) }
        let description = frame.describe(columns: words, all: all)
        context.print(description.table().render(maxWidth: context.width))
        if let into {
            try FrameCommands.keep(description.frame(), as: into, origin: "describe \(name)", context: context)
        }
    }

    static let counts = Command(
        "counts", area: .frames, usage: "counts FRAME COL [into NAME]",
        summary: "how often each value of a column occurs, with shares and bars",
        discussion: "The most frequent values (as many as the table shows) are also drawn as an SVG bar chart.",
        examples: ["counts data y", "counts data job into jobs"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count == 2 else { throw context.commands["counts"]!.usageError("counts takes a frame and a column") }
        let frame = try context.session.frame(words[0])
        let column = try frame.requireColumn(words[1], in: words[0])
        let counts = column.valueCounts()
        let total = counts.total + counts.missing
        let shares = counts.counts.map { Double($0) / Double(max(1, total)) }
        let barWidth = 24
        let maximum = Double(counts.counts.first ?? 0)
        let rows = counts.values.indices.map { i in
            [counts.values[i], String(counts.counts[i]), percent(shares[i]),
             TerminalBars.bar(Double(counts.counts[i]), of: maximum, width: barWidth)]
        }
        var table = TextTable(columns: [.init(column.name), .init("count", alignment: .right),
                                        .init("share", alignment: .right), .init("")], rows: rows)
        table.maxRows = max(20, context.session.integerSetting("rows") * 2)
        context.print(table.render(maxWidth: context.width))
        var summary = "\(counts.values.count) distinct value\(counts.values.count == 1 ? "" : "s") in \(total) rows"
        if counts.missing > 0 { summary += "; \(counts.missing) missing (\(percent(Double(counts.missing) / Double(total))))" }
        context.print(summary)
        if !counts.values.isEmpty {
            let drawn = min(counts.values.count, table.maxRows ?? counts.values.count)
            var note = summary
            if drawn < counts.values.count {
                let others = counts.counts[drawn...].reduce(0, +)
                note = "the \(drawn) most frequent of \(counts.values.count) values; \(others) rows hold the others"
                if counts.missing > 0 { note += "; \(counts.missing) missing" }
            }
            let svg = SVGChart.horizontalBars(labels: Array(counts.values.prefix(drawn)),
                                              values: counts.counts.prefix(drawn).map(Double.init),
                                              valueTexts: (0..<drawn).map { "\(counts.counts[$0]) (\(percent(shares[$0])))" },
                                              title: "counts of \(column.name) (\(words[0]))", note: note)
            context.output.image(svg: svg, alt: "counts of \(column.name)")
        }
        if let into {
            let result = Frame(columns: [
                Column(name: column.name, data: .strings(counts.values)),
                Column(name: "count", data: .int(counts.counts.map(Int64.init), missing: nil)),
                Column(name: "share", data: .double(shares)),
            ])
            try FrameCommands.keep(result, as: into, origin: "counts \(words[0]) \(words[1])", context: context)
        }
    }

    static let hist = Command(
        "hist", area: .frames, usage: "hist FRAME COL [bins=N]",
        summary: "a histogram of a numeric column, drawn in the output and as an SVG image",
        options: [.init("bins", "N", "how many equal-width bins (10 by default)")],
        examples: ["hist data age", "hist data age bins=20"]
    ) { line, context throws(KernelError) in
        guard line.words.count == 2 else { throw context.commands["hist"]!.usageError("hist takes a frame and a column") }
        let frame = try context.session.frame(line.words[0])
        let column = try frame.requireColumn(line.words[1], in: line.words[0])
        guard column.type.isNumeric, let values = column.data.doubles else {
            throw KernelError("'\(column.name)' holds \(column.type.rawValue)s, not numbers",
                              hint: "for categories use: counts \(line.words[0]) \(column.name)")
        }
        let bins = try line.intOption("bins", in: 1...200) ?? 10
        let histogram = Histogram(values, bins: bins)
        guard !histogram.counts.isEmpty else {
            throw KernelError("'\(column.name)' has no values to draw", hint: "every value is missing")
        }
        let edges = NumberFormat.column(histogram.edges)
        let labels = histogram.counts.indices.map { i in
            "[\(edges[i]), \(edges[i + 1])\(i == histogram.counts.count - 1 ? "]" : ")")"
        }
        context.print("histogram of \(column.name) (\(bins) bins, \(values.count - histogram.missing) values)")
        context.print(TerminalBars.chart(labels: labels, values: histogram.counts.map(Double.init),
                                         valueTexts: histogram.counts.map(String.init), width: min(context.width, 80)))
        if histogram.missing > 0 { context.print("\(histogram.missing) missing values not drawn") }
        let svg = SVGChart.histogram(edges: histogram.edges, counts: histogram.counts,
                                     title: "\(column.name) (\(line.words[0]))", xLabel: column.name)
        context.output.image(svg: svg, alt: "histogram of \(column.name)")
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension Description {
    /// The description as a frame: a `statistic` column, then one column per described column.
    func frame() -> Frame {
        let names = statisticNames
        var columns = [Column(name: "statistic", data: .strings(names))]
        for entry in entries {
            if let numeric = entry.numeric, names.first == "count", names.count == 8 {
                columns.append(Column(name: entry.name, data: .double([Double(numeric.count)] + numeric.statistics)))
            } else {
                columns.append(Column(name: entry.name, data: .strings(texts(of: entry, for: names).map { $0 == "NaN" ? nil : $0 })))
            }
        }
        return Frame(columns: columns)
    }
}
