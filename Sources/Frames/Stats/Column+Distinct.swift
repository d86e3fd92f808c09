extension Column {
    /// How many distinct non-missing values the column holds.
    public var distinctCount: Int {
        switch data {
        case .string(let codes, let dictionary):
            return codes.counts(dictionarySize: dictionary.count).counts.filter { $0 > 0 }.count
        case .int(let values, let missing):
            var seen = Set<Int64>()
            for row in values.indices where !(missing?[row] ?? false) { seen.insert(values[row]) }
            return seen.count
        case .double(let values):
            return Set(values.lazy.filter { !$0.isNaN }.map(\.bitPattern)).count
        case .bool(let values, let missing):
            return Set(values.indices.filter { !(missing?[$0] ?? false) }.map { values[$0] }).count
        }
    }
}
