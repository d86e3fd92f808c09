/// How often each value of a column occurs, most frequent first (pandas `value_counts()`);
/// ties keep the order in which values first appear.
public struct ValueCounts: Sendable {
    public var values: [String]
    public var counts: [Int]
    /// Rows whose value is missing (not counted above).
    public var missing: Int
    /// Rows with a value.
    public var total: Int { counts.reduce(0, +) }
}

extension Column {
    /// The column's value counts.
    public func valueCounts() -> ValueCounts {
        var labels: [String] = []
        var counts: [Int] = []
        var missing = 0
        switch data {
        case .string(let codes, let dictionary):
            (counts, missing) = codes.counts(dictionarySize: dictionary.count)
            labels = dictionary
        default:
            var index: [Value: Int] = [:]
            for row in 0..<count {
                let value = data.value(at: row)
                if value == .missing { missing += 1; continue }
                if let i = index[value] {
                    counts[i] += 1
                } else {
                    index[value] = labels.count
                    labels.append(Frame.format(data, rows: row..<row + 1)[0])
                    counts.append(1)
                }
            }
        }
        let order = counts.indices.filter { counts[$0] > 0 }.sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
        }
        return ValueCounts(values: order.map { labels[$0] }, counts: order.map { counts[$0] }, missing: missing)
    }
}
