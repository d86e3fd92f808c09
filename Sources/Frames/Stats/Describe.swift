import Dispatch

/// Summary statistics of a frame's columns, as pandas' `DataFrame.describe()` computes them.
///
/// Numeric columns get count, mean, std (n − 1 in the denominator), min, 25%, 50%, 75% and max;
/// strings and booleans get count, unique, top and freq.
public struct Description: Sendable {
    /// One described column.
    public struct Entry: Sendable {
        public var name: String
        public var numeric: NumericSummary?
        public var categorical: CategoricalSummary?
    }

    public struct NumericSummary: Sendable, Equatable {
        public var count: Int
        public var mean: Double
        public var std: Double
        public var min: Double
        public var q25: Double
        public var median: Double
        public var q75: Double
        public var max: Double
        /// The values in the order pandas prints them (without count).
        public var statistics: [Double] { [mean, std, min, q25, median, q75, max] }
    }

    public struct CategoricalSummary: Sendable, Equatable {
        public var count: Int
        public var unique: Int
        public var top: String?
        public var freq: Int

        public init(count: Int, unique: Int, top: String?, freq: Int) {
            self.count = count
            self.unique = unique
            self.top = top
            self.freq = freq
        }
    }

    public var entries: [Entry]

    /// The row labels, in pandas' order: numeric statistics, or string ones, or all when mixed.
    public var statisticNames: [String] {
        let numeric = entries.contains { $0.numeric != nil }
        let categorical = entries.contains { $0.categorical != nil }
        switch (numeric, categorical) {
        case (true, true): return ["count", "unique", "top", "freq", "mean", "std", "min", "25%", "50%", "75%", "max"]
        case (false, true): return ["count", "unique", "top", "freq"]
        default: return ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
        }
    }
}

extension Frame {
    /// Describes the named columns (all numeric ones when empty, or every column with `all`).
    public func describe(columns names: [String] = [], all: Bool = false) -> Description {
        let chosen: [Column]
        if !names.isEmpty {
            chosen = names.compactMap { column(named: $0) }
        } else if all {
            chosen = columns
        } else {
            let numeric = columns.filter { $0.type.isNumeric }
            chosen = numeric.isEmpty ? columns : numeric
        }
        let entries = DescribeSlots(count: chosen.count)
        DispatchQueue.concurrentPerform(iterations: chosen.count) { index in
            entries.set(index, Frame.describe(chosen[index]))
        }
        return Description(entries: entries.all)
    }

    static func describe(_ column: Column) -> Description.Entry {
        switch column.data {
        case .string(let codes, let dictionary):
            let counts = codes.counts(dictionarySize: dictionary.count).counts
            let count = counts.reduce(0, +)
            var top: Int?
            for (code, n) in counts.enumerated() where n > 0 && n > (top.map { counts[$0] } ?? 0) { top = code }
            let unique = counts.filter { $0 > 0 }.count
            return .init(
                name: column.name,
                categorical: .init(
                    count: count, unique: unique, top: top.map { dictionary[$0] },
                    freq: top.map { counts[$0] } ?? 0))
        case .bool(let values, let missing):
            var trues = 0, falses = 0
            for row in values.indices where !(missing?[row] ?? false) {
                if values[row] { trues += 1 } else { falses += 1 }
            }
            let count = trues + falses
            let top: String? = count == 0 ? nil : (trues > falses ? "True" : "False")
            return .init(
                name: column.name,
                categorical: .init(
                    count: count, unique: (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0),
                    top: top, freq: max(trues, falses)))
        case .int, .double:
            return .init(name: column.name, numeric: NumericStatistics.summary(of: column.data))
        }
    }
}

/// Numeric statistics the way numpy computes them: pairwise sums, two-pass variance.
enum NumericStatistics {
    static func summary(of data: ColumnData) -> Description.NumericSummary {
        if let distinct = DistinctCounts.of(data) {
            return DistinctCounts.summary(values: distinct.values, counts: distinct.counts)
        }
        var values: [Double]
        switch data {
        case .double(let all): values = all.filter { !$0.isNaN }
        case .int(let all, let missing):
            if let missing {
                values = []
                values.reserveCapacity(all.count)
                for row in all.indices where !missing[row] { values.append(Double(all[row])) }
            } else {
                values = all.map(Double.init)
            }
        default: values = []
        }
        let n = values.count
        guard n > 0 else {
            return .init(count: 0, mean: .nan, std: .nan, min: .nan, q25: .nan, median: .nan, q75: .nan, max: .nan)
        }
        let mean = pairwiseSum(values) / Double(n)
        var std = Double.nan
        if n > 1 {
            let squares = values.withUnsafeBufferPointer { b in pairwiseSum(b, transform: { ($0 - mean) * ($0 - mean) })
            }
            std = (squares / Double(n - 1)).squareRoot()
        }
        var low = values[0], high = values[0]
        for v in values { low = Swift.min(low, v); high = Swift.max(high, v) }
        let q = Selection.quantiles(&values, [0.25, 0.5, 0.75])
        return .init(count: n, mean: mean, std: std, min: low, q25: q[0], median: q[1], q75: q[2], max: high)
    }

    /// numpy's pairwise summation: blocks of 128 summed in 8 lanes, halves added recursively.
    static func pairwiseSum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { pairwiseSum($0, transform: { $0 }) }
    }

    static func pairwiseSum(_ b: UnsafeBufferPointer<Double>, transform: (Double) -> Double) -> Double {
        let n = b.count
        if n < 8 {
            var s = 0.0
            for i in 0..<n { s += transform(b[i]) }
            return s
        }
        if n <= 128 {
            var r = (0..<8).map { transform(b[$0]) }
            var i = 8
            while i < n - n % 8 {
                for k in 0..<8 { r[k] += transform(b[i + k]) }
                i += 8
            }
            var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { s += transform(b[i]); i += 1 }
            return s
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(UnsafeBufferPointer(rebasing: b[0..<half]), transform: transform)
            + pairwiseSum(UnsafeBufferPointer(rebasing: b[half..<n]), transform: transform)
    }
}

/// Results written by worker threads, each to its own slot.
final class DescribeSlots: @unchecked Sendable {  // each worker writes its own slot; read after they join
    private var slots: [Description.Entry?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ entry: Description.Entry) { slots.withUnsafeMutableBufferPointer { $0[index] = entry } }
    var all: [Description.Entry] { slots.map { $0! } }
}
