import Foundation
import Frames
import TextLayout

/// The data-exploration report Autopilot writes for an experiment, as a workbook of prose and
/// tables (`EXP/data-exploration.pilotbook`): dataset, target, missing values (and codes that
/// probably mean missing), cardinality, statistics, each feature's predictive power, and
/// suggested actions.
public enum DataExploration {
    /// Values that usually mean "not known" in categorical data.
    static let missingCodes: Set<String> = [
        "unknown", "nonexistent", "n/a", "none", "missing", "?", "-", "na", "undefined",
    ]

    public static func report(frame: Frame, name: String, analysis a: AutopilotJob.Analysis, width: Int = 100) -> String
    {
        let t = a.target
        var out = "<!-- pilotbook v1 -->\n# Data exploration: \(name)\n\n"
        out += "Written by `autopilot` for experiment `\(name)`, as SageMaker Autopilot writes its data exploration "
        out += "notebook. It describes the data the candidates learned from; nothing here changed the data.\n\n"

        out += "## Dataset\n\n"
        let duplicates = duplicateRows(frame)
        let dropped = a.plan.dropped.map { "\($0.name) (\($0.reason))" }
        let leftOut = dropped.isEmpty ? "none" : dropped.joined(separator: "; ")
        out += text(
            [
                "rows: \(frame.rowCount)",
                "columns: \(frame.columns.count) (target \(t.column) and \(frame.columns.count - 1) others)",
                "duplicate rows: \(duplicates)\(duplicates > 0 ? " (\(percent(duplicates, frame.rowCount)))" : "")",
                "problem type: \(t.problem.autopilotName), because \(t.rule)",
                "features used: \(a.plan.features.count); left out: " + leftOut,
            ].joined(separator: "\n"))

        out += "## Target\n\n"
        if let target = frame.column(named: t.column) {
            let counts = target.valueCounts()
            if t.problem == .regression {
                out += text(frame.describe(columns: [t.column]).table().render(maxWidth: width))
            } else {
                let total = counts.total
                let table = TextTable(
                    columns: [.init(t.column), .init("count", alignment: .right), .init("share", alignment: .right)],
                    rows: counts.values.indices.map {
                        [counts.values[$0], String(counts.counts[$0]), percent(counts.counts[$0], total)]
                    })
                out += text(table.render(maxWidth: width))
                if t.problem == .binary, let minority = counts.counts.min(),
                    Double(minority) / Double(max(1, total)) < 0.2
                {
                    out +=
                        "The classes are imbalanced: the positive class `\(t.classes[1])` is "
                        + "\(percent(counts.counts.last ?? 0, total)) "
                    out +=
                        "of the rows. Accuracy would look good for a model that always says `\(t.classes[0])`; the "
                        + "objective "
                    out += "\(a.metric.rawValue) and a tuned decision threshold look at the positive class instead.\n\n"
                }
            }
        }

        out += "## Missing values\n\n"
        var missingRows: [[String]] = []
        for column in frame.columns {
            let missing = column.data.missingCount
            var codes: [(String, Int)] = []
            if column.type == .string {
                let counts = column.valueCounts()
                for (value, count) in zip(counts.values, counts.counts) where missingCodes.contains(value.lowercased())
                {
                    codes.append((value, count))
                }
            }
            if missing > 0 || !codes.isEmpty {
                let codeText = codes.map { "'\($0.0)' × \($0.1) (\(percent($0.1, frame.rowCount)))" }.joined(
                    separator: ", ")
                missingRows.append([column.name, String(missing), codeText.isEmpty ? "" : codeText])
            }
        }
        if missingRows.isEmpty {
            out += "No column has missing values or codes that usually mean missing.\n\n"
        } else {
            out +=
                "Empty cells are missing values. Values such as `unknown` or `nonexistent` are probably missing too, "
            out += "recorded as a category: the models learn them as one, which is usually what you want.\n\n"
            out += text(
                TextTable(
                    columns: [.init("column"), .init("missing", alignment: .right), .init("probable missing codes")],
                    rows: missingRows
                ).render(maxWidth: width))
        }

        out += "## Cardinality\n\n"
        let cardinality = a.plan.features.map { [$0.name, $0.role.rawValue, String($0.cardinality)] }
        out += text(
            TextTable(
                columns: [.init("feature"), .init("role"), .init("distinct values", alignment: .right)],
                rows: cardinality
            ).render(maxWidth: width))

        out += "## Descriptive statistics\n\n"
        out += text(frame.describe().table().render(maxWidth: width))

        let power = FeaturePower.univariate(frame, plan: a.plan, target: t, rows: a.trainRows)
        let leaks = FeaturePower.probableLeaks(power)
        if !power.isEmpty {
            out += "## Predictive power of each feature alone\n\n"
            out +=
                "The AUC a model would get from one feature alone, on the training rows (0.5 is no signal, 1 is "
                + "perfect).\n\n"
            out += text(
                TextTable(
                    columns: [.init("feature"), .init("AUC alone", alignment: .right)],
                    rows: power.map { [$0.feature, String(format: "%.4f", $0.auc)] }
                ).render(maxWidth: width))
        }

        out += "## Suggested actions\n\n"
        var actions: [String] = []
        for leak in leaks {
            actions.append(
                "**Warning: `\(leak.feature)` may leak the target.** Alone it predicts `\(t.column)` with AUC "
                    + String(format: "%.3f", leak.auc)
                    + ", far ahead of every other feature. If its value is only known after the "
                    + "outcome (in bank marketing, `duration` is the length of the call, known once the call is "
                    + "over), a model "
                    + "that uses it cannot be used before the outcome. Run again with `exclude=\(leak.feature)`.")
        }
        for dropped in a.plan.dropped where dropped.reason.hasPrefix("unique") {
            actions.append("`\(dropped.name)` was left out: \(dropped.reason). Keep it out of models.")
        }
        if duplicates > 0 {
            actions.append("\(duplicates) rows are exact duplicates; check whether they are real repeats.")
        }
        if actions.isEmpty { actions.append("Nothing stands out.") }
        out += actions.map { "- " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    static func text(_ body: String) -> String {
        "```text\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "```\n\n"
    }

    static func percent(_ part: Int, _ total: Int) -> String {
        String(format: "%.1f%%", Double(part) / Double(max(1, total)) * 100)
    }

    /// Rows identical to an earlier row, in every column. Rows are grouped by a hash of their
    /// values, and only rows of one group are compared, so a large frame costs two words a row.
    static func duplicateRows(_ frame: Frame) -> Int {
        let n = frame.rowCount
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: n)
        for column in frame.columns {
            for row in 0..<n { hashes[row] = (hashes[row] ^ key(column.data, row)) &* 0x100_0000_01b3 }
        }
        let order = (0..<n).sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var duplicates = 0
        var start = 0
        while start < n {
            var end = start + 1
            while end < n, hashes[order[end]] == hashes[order[start]] { end += 1 }
            // Within a group (nearly always one row), a row is a duplicate when it equals an earlier one.
            var distinct: [Int] = []
            for row in order[start..<end] {
                if distinct.contains(where: { other in frame.columns.allSatisfy { same($0.data, other, row) } }) {
                    duplicates += 1
                } else {
                    distinct.append(row)
                }
            }
            start = end
        }
        return duplicates
    }

    /// Whether rows `a` and `b` hold the same value (both missing counts as the same).
    private static func same(_ data: ColumnData, _ a: Int, _ b: Int) -> Bool {
        data.isMissing(a) == data.isMissing(b) && (data.isMissing(a) || key(data, a) == key(data, b))
    }

    /// A value as 64 bits for hashing: equal values give equal bits.
    private static func key(_ data: ColumnData, _ row: Int) -> UInt64 {
        switch data {
        case .double(let values): values[row].isNaN ? .max : values[row].bitPattern
        case .int(let values, let missing): missing?[row] == true ? .max : UInt64(bitPattern: values[row])
        case .bool(let values, let missing): missing?[row] == true ? .max : (values[row] ? 1 : 0)
        case .string(let codes, _): UInt64(codes[row])
        }
    }
}
