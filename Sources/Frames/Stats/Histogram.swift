/// Equal-width bins over a numeric column (numpy's `histogram`: the last bin includes its
/// right edge).
public struct Histogram: Sendable, Equatable {
    public var edges: [Double]
    public var counts: [Int]
    public var missing: Int

    /// Bins `values` (NaN counted as missing) into `bins` equal-width bins.
    public init(_ values: [Double], bins: Int) {
        let finite = values.filter { $0.isFinite }
        missing = values.count - finite.count
        guard var low = finite.min(), var high = finite.max() else {
            edges = []
            counts = []
            return
        }
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { low + width * Double($0) }
        edges[bins] = high
        var counts = [Int](repeating: 0, count: bins)
        for v in finite {
            var bin = Int((v - low) / width)
            if bin >= bins { bin = bins - 1 }
            if bin < 0 { bin = 0 }
            counts[bin] += 1
        }
        self.counts = counts
    }
}
