/// Numeric statistics from the distinct values of a column and how often each occurs, for
/// columns with few distinct values (ages, codes, rates): one pass to count, no copy, no sort
/// of the whole column. Quantiles come from cumulative counts; mean and variance from sums
/// over the distinct values.
enum DistinctCounts {
    /// Sorted distinct values with their counts, or `nil` when there are more than `limit`.
    static func of(_ data: ColumnData, limit: Int = 4096) -> (values: [Double], counts: [Int])? {
        switch data {
        case .int(let values, let missing):
            guard let first = values.first else { return ([], []) }
            var low = first, high = first
            for v in values { low = min(low, v); high = max(high, v) }
            let range = high.subtractingReportingOverflow(low)
            guard !range.overflow, range.partialValue < 1 << 20 else { return nil }
            var counts = [Int](repeating: 0, count: Int(range.partialValue) + 1)
            counts.withUnsafeMutableBufferPointer { counts in
                values.withUnsafeBufferPointer { values in
                    if let missing {
                        for row in 0..<values.count where !missing[row] { counts[Int(values[row] - low)] += 1 }
                    } else {
                        for v in values { counts[Int(v - low)] += 1 }
                    }
                }
            }
            var distinct: [Double] = [], frequency: [Int] = []
            for (offset, n) in counts.enumerated() where n > 0 {
                distinct.append(Double(low + Int64(offset)))
                frequency.append(n)
            }
            return distinct.count <= limit ? (distinct, frequency) : nil
        case .double(let values):
            var table = DoubleCounter(capacity: limit * 2)
            for v in values where !v.isNaN {
                if !table.add(v) { return nil }
            }
            return table.sorted()
        default:
            return nil
        }
    }

    /// The summary from distinct values and counts (values sorted ascending).
    static func summary(values: [Double], counts: [Int]) -> Description.NumericSummary {
        let n = counts.reduce(0, +)
        guard n > 0 else {
            return .init(count: 0, mean: .nan, std: .nan, min: .nan, q25: .nan, median: .nan, q75: .nan, max: .nan)
        }
        var sum = 0.0
        for (v, c) in zip(values, counts) { sum += v * Double(c) }
        let mean = sum / Double(n)
        var squares = 0.0
        for (v, c) in zip(values, counts) { squares += (v - mean) * (v - mean) * Double(c) }
        let std = n > 1 ? (squares / Double(n - 1)).squareRoot() : .nan
        var cumulative: [Int] = []
        cumulative.reserveCapacity(counts.count)
        var running = 0
        for c in counts { running += c; cumulative.append(running) }
        /// The value at rank k (0-based) of the sorted column.
        func rank(_ k: Int) -> Double {
            var lo = 0, hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] > k { hi = mid } else { lo = mid + 1 }
            }
            return values[lo]
        }
        func quantile(_ q: Double) -> Double {
            let position = q * Double(n - 1)
            let low = Int(position.rounded(.down))
            let fraction = position - Double(low)
            let a = rank(low)
            if fraction == 0 || low + 1 >= n { return a }
            let b = rank(low + 1)
            return fraction < 0.5 ? a + (b - a) * fraction : b - (b - a) * (1 - fraction)
        }
        return .init(
            count: n, mean: mean, std: std, min: values.first!, q25: quantile(0.25), median: quantile(0.5),
            q75: quantile(0.75), max: values.last!)
    }
}

/// Counts of doubles by bit pattern in a small open-addressing table.
struct DoubleCounter {
    private var keys: [UInt64]
    private var counts: [Int]
    private var used = 0
    private let mask: Int
    private let limit: Int
    private static let empty = UInt64.max  // a NaN pattern, never stored

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: DoubleCounter.empty, count: size)
        counts = [Int](repeating: 0, count: size)
        mask = size - 1
        limit = capacity
    }

    /// Counts `value`; `false` once there are more distinct values than the capacity.
    @inline(__always)
    mutating func add(_ value: Double) -> Bool {
        let key = (value == 0 ? 0.0 : value).bitPattern
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let existing = keys[slot]
            if existing == key { counts[slot] += 1; return true }
            if existing == DoubleCounter.empty {
                guard used < limit else { return false }
                keys[slot] = key
                counts[slot] = 1
                used += 1
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    func sorted() -> (values: [Double], counts: [Int]) {
        let pairs = keys.indices.filter { keys[$0] != DoubleCounter.empty }
            .map { (Double(bitPattern: keys[$0]), counts[$0]) }
            .sorted { $0.0 < $1.0 }
        return (pairs.map(\.0), pairs.map(\.1))
    }
}
