import Dispatch
import Frames

extension ExtraTrees {
    /// Grows a forest on `data` with `labels` (class indices, or values for regression). Trees
    /// grow `threads` at a time, each from its own seed, so the forest is the same whatever the
    /// threads; `isCancelled` is asked between groups of trees, and a cancelled forest keeps the
    /// trees grown so far (at least one group).
    public static func fit(
        _ data: DesignMatrix, labels: [Float], problem: ProblemType, classes: Int, parameters: Parameters,
        seed: UInt64, threads: Int = 2, isCancelled: () -> Bool = { false }
    ) -> ExtraTrees {
        let grower = TreeGrower(data, labels: labels, problem: problem, classes: classes, parameters: parameters)
        let workers = max(1, threads)
        var trees: [Tree] = []
        trees.reserveCapacity(parameters.trees)
        while trees.count < parameters.trees {
            let first = trees.count
            let count = min(workers * 2, parameters.trees - first)
            let grown = Grown(count: count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: count, by: workers) {
                    grown.store(grower.grow(seed: seed &+ UInt64(first + i) &* 0x9E37_79B9_7F4A_7C15), at: i)
                }
            }
            trees += grown.trees
            if isCancelled() { break }
        }
        return ExtraTrees(problem: problem, outputs: grower.outputs, inputs: data.columns, trees: trees)
    }

    /// Trees grown side by side, each stored in its own slot.
    private final class Grown: @unchecked Sendable {
        private var slots: UnsafeMutableBufferPointer<Tree?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        /// Each slot is written by one worker only.
        func store(_ tree: Tree, at index: Int) { slots[index] = tree }

        var trees: [Tree] { slots.map { $0! } }
    }
}

/// Grows one extremely randomised tree, level by level, on a column-major copy of the rows.
struct TreeGrower: Sendable {
    let columns: [Float]
    let targets: [Float]
    let rows: Int
    let width: Int
    let problem: ProblemType
    /// Class counts kept per node (2 for binary); 0 for regression.
    let classes: Int
    let outputs: Int
    let featuresPerSplit: Int
    let minLeaf: Int
    let maxLeaves: Int

    init(
        _ data: DesignMatrix, labels: [Float], problem: ProblemType, classes: Int, parameters: ExtraTrees.Parameters
    ) {
        var columns = [Float](repeating: 0, count: data.values.count)
        for row in 0..<data.rows {
            for column in 0..<data.columns {
                columns[column * data.rows + row] = data.values[row * data.columns + column]
            }
        }
        self.columns = columns
        self.targets = labels
        self.rows = data.rows
        self.width = data.columns
        self.problem = problem
        self.classes = problem == .regression ? 0 : max(2, classes)
        self.outputs = problem == .multiclass ? max(2, classes) : 1
        let share =
            parameters.maxFeatures
            ?? (problem == .regression ? 1 : Double(data.columns).squareRoot() / Double(max(1, data.columns)))
        self.featuresPerSplit = max(1, min(data.columns, Int((share * Double(data.columns)).rounded())))
        self.minLeaf = max(1, parameters.minSamplesLeaf)
        self.maxLeaves = max(1, parameters.maxLeaves)
    }

    /// What a node's rows add up to: class counts, or the count, sum and sum of squares of the target.
    private struct Totals {
        var counts: [Double]
        var n = 0.0
        var sum = 0.0
        var squares = 0.0
    }

    func grow(seed: UInt64) -> ExtraTrees.Tree {
        var generator = SplitMix64(seed: seed)
        var index = (0..<rows).map(Int32.init)
        var order = Array(0..<width)
        var tree = ExtraTrees.Tree(feature: [-1], cut: [0], next: [0], values: [])
        var queue: [(node: Int, lo: Int, hi: Int)] = [(0, 0, rows)]
        var head = 0
        var leaves = 1
        var left = [Double](repeating: 0, count: classes)
        while head < queue.count {
            let (node, lo, hi) = queue[head]
            head += 1
            // Nodes leave the queue in the order they were made, so values go in node order.
            let totals = self.totals(index, lo, hi)
            tree.values += nodeValues(totals)
            guard leaves < maxLeaves, hi - lo >= 2 * minLeaf, !isPure(totals),
                let split = bestSplit(index, lo, hi, totals, &order, &left, &generator)
            else { continue }
            let mid = partition(&index, lo, hi, feature: split.feature, cut: split.cut)
            let child = tree.feature.count
            tree.feature[node] = Int32(split.feature)
            tree.cut[node] = split.cut
            tree.next[node] = Int32(child)
            tree.feature += [-1, -1]
            tree.cut += [0, 0]
            tree.next += [0, 0]
            queue.append((child, lo, mid))
            queue.append((child + 1, mid, hi))
            leaves += 1
        }
        return tree
    }

    private func totals(_ index: [Int32], _ lo: Int, _ hi: Int) -> Totals {
        var t = Totals(counts: [Double](repeating: 0, count: classes))
        t.n = Double(hi - lo)
        for i in lo..<hi {
            let y = targets[Int(index[i])]
            if classes > 0 {
                t.counts[Int(y)] += 1
            } else {
                t.sum += Double(y)
                t.squares += Double(y) * Double(y)
            }
        }
        return t
    }

    private func isPure(_ t: Totals) -> Bool {
        if classes > 0 { return t.counts.contains(t.n) }
        return t.squares - t.sum * t.sum / t.n <= 1e-12 * max(1, t.squares)
    }

    private func nodeValues(_ t: Totals) -> [Float] {
        switch problem {
        case .binary: [Float(t.counts[1] / t.n)]
        case .multiclass: t.counts.map { Float($0 / t.n) }
        case .regression: [Float(t.sum / t.n)]
        }
    }

    /// The best of `featuresPerSplit` random cuts on columns that vary in the node (scikit-learn
    /// draws on past constant columns the same way), by the Gini impurity or the squared error
    /// left; nil when no column varies or no cut leaves `minLeaf` rows on each side.
    private func bestSplit(
        _ index: [Int32], _ lo: Int, _ hi: Int, _ totals: Totals, _ order: inout [Int], _ left: inout [Double],
        _ generator: inout SplitMix64
    ) -> (feature: Int, cut: Float)? {
        var best: (feature: Int, cut: Float, score: Double)?
        var tried = 0
        for i in 0..<width where tried < featuresPerSplit {
            order.swapAt(i, i + Int(generator.next() % UInt64(width - i)))
            let feature = order[i]
            let base = feature * rows
            var low = Float.infinity
            var high = -Float.infinity
            for k in lo..<hi {
                let v = columns[base + Int(index[k])]
                if v < low { low = v }
                if v > high { high = v }
            }
            guard high > low else { continue }
            tried += 1
            let u = Float(Double(generator.next() >> 11) * 0x1p-53)
            var cut = low + u * (high - low)
            if cut <= low { cut = low.nextUp }
            var nLeft = 0.0
            var sumLeft = 0.0
            for c in 0..<classes { left[c] = 0 }
            for k in lo..<hi {
                let row = Int(index[k])
                guard columns[base + row] < cut else { continue }
                nLeft += 1
                if classes > 0 { left[Int(targets[row])] += 1 } else { sumLeft += Double(targets[row]) }
            }
            let nRight = totals.n - nLeft
            guard nLeft >= Double(minLeaf), nRight >= Double(minLeaf) else { continue }
            // Less impurity left over is a larger sum of squared shares (or sums) per side.
            var score: Double
            if classes > 0 {
                var l = 0.0
                var r = 0.0
                for c in 0..<classes {
                    l += left[c] * left[c]
                    let right = totals.counts[c] - left[c]
                    r += right * right
                }
                score = l / nLeft + r / nRight
            } else {
                let sumRight = totals.sum - sumLeft
                score = sumLeft * sumLeft / nLeft + sumRight * sumRight / nRight
            }
            if best == nil || score > best!.score { best = (feature, cut, score) }
        }
        return best.map { ($0.feature, $0.cut) }
    }

    /// Moves the rows below the cut to the front of `lo..<hi`; returns where the rest start.
    private func partition(_ index: inout [Int32], _ lo: Int, _ hi: Int, feature: Int, cut: Float) -> Int {
        let base = feature * rows
        var mid = lo
        for k in lo..<hi where columns[base + Int(index[k])] < cut {
            index.swapAt(k, mid)
            mid += 1
        }
        return mid
    }
}
