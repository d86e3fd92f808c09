extension DesignMatrix {
    /// The histogram bins a tree learner makes of these values: each column's distinct values
    /// (missing ones not counted), at most `maxBin` a column, at least one.
    public func histogramBins(maxBin: Int = 256) -> Int {
        var total = 0
        for column in 0..<columns {
            var seen = Set<Float>()
            for row in 0..<rows {
                let value = values[row * columns + column]
                guard !value.isNaN else { continue }
                seen.insert(value)
                if seen.count >= maxBin { break }
            }
            total += max(1, seen.count)
        }
        return total
    }
}
