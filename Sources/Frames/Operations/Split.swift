/// Splitting rows into two sets (train and test), at random, optionally keeping the share of
/// each class of a column the same in both (stratified).
public enum RowSplit {
    /// The row indices of the two parts, each in ascending order.
    ///
    /// - Parameters:
    ///   - ratio: the first part's share of the rows (0 < ratio < 1).
    ///   - strata: a class per row; each class is split by `ratio` on its own.
    public static func split(
        rowCount: Int, ratio: Double, strata: [UInt32]? = nil, seed: UInt64
    ) -> (first: [Int], second: [Int]) {
        var generator = SplitMix64(seed: seed)
        var groups: [[Int]]
        if let strata {
            var byClass: [UInt32: [Int]] = [:]
            for row in 0..<rowCount { byClass[strata[row], default: []].append(row) }
            groups = byClass.keys.sorted().map { byClass[$0]! }
        } else {
            groups = [Array(0..<rowCount)]
        }
        var first: [Int] = [], second: [Int] = []
        for var group in groups {
            // Fisher–Yates with our own generator, so results are the same on every platform.
            if group.count > 1 {
                for i in stride(from: group.count - 1, to: 0, by: -1) {
                    let j = Int(generator.next() % UInt64(i + 1))
                    group.swapAt(i, j)
                }
            }
            let cut = Int((Double(group.count) * ratio).rounded())
            first += group[..<cut]
            second += group[cut...]
        }
        return (first.sorted(), second.sorted())
    }
}

/// A small, fast, seedable random generator (SplitMix64), the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
