import Frames

/// The sample sizes candidates are trained on when the training rows are many: a stratified
/// sample of tens of thousands of rows first, four times as many at each step up, every
/// training row last (FLAML's sample-size ramp, Hyperband's rungs). Samples are nested: each
/// holds the rows of the smaller ones. With few rows there is one rung, every row.
struct SampleLadder: Sendable {
    /// Training rows at each rung, smallest first; the last is every training row.
    let sizes: [Int]
    /// The training rows in a stratified random order: any prefix keeps the classes' shares.
    private let order: [Int]

    /// How much larger each next sample is.
    static let factor = 4

    init(trainRows: [Int], strata: [UInt32]?, first: Int, from minimum: Int, seed: UInt64) {
        let n = trainRows.count
        let sizes = Self.sizes(rows: n, first: first, from: minimum)
        self.sizes = sizes
        guard sizes.count > 1 else {
            order = trainRows
            return
        }
        // Each class's rows shuffled, then merged by their position within the class
        // (j + ½) / count: the first m rows hold about m × share of every class.
        var generator = SplitMix64(seed: seed &+ 0x1ADD)
        var groups: [UInt32: [Int]] = [:]
        for (i, row) in trainRows.enumerated() { groups[strata?[i] ?? 0, default: []].append(row) }
        var keyed: [(key: Double, tie: UInt64, row: Int)] = []
        keyed.reserveCapacity(n)
        for stratum in groups.keys.sorted() {
            var group = groups[stratum]!
            for i in stride(from: group.count - 1, to: 0, by: -1) {
                group.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
            for (j, row) in group.enumerated() {
                keyed.append(((Double(j) + 0.5) / Double(group.count), generator.next(), row))
            }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.tie < $1.tie }
        order = keyed.map(\.row)
    }

    /// The sample sizes for `rows` training rows: one, every row, below `minimum` rows. A rung
    /// is worth its own step only when the next one is at least twice as large.
    static func sizes(rows: Int, first: Int, from minimum: Int) -> [Int] {
        guard rows >= minimum else { return [rows] }
        var sizes: [Int] = []
        var size = max(1, first)
        while size * 2 <= rows {
            sizes.append(size)
            size *= factor
        }
        return sizes + [rows]
    }

    var rungs: Int { sizes.count }
    var top: Int { sizes.count - 1 }

    /// The training rows of `rung`, in row order.
    func rows(rung: Int) -> [Int] {
        rung == top && sizes.count == 1 ? order : order.prefix(sizes[rung]).sorted()
    }
}
