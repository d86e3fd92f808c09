import Foundation

/// Extremely randomised trees (Geurts, Ernst and Wehenkel 2006; scikit-learn's ExtraTrees):
/// each tree grows on every training row, and each split is the best of a few random cuts, one
/// per randomly drawn column, each at a random point between the column's smallest and largest
/// value in the node. The trees' leaves are averaged. Input must be imputed (the `dpp2`
/// pipeline does it); a missing value left in it goes right at every split.
///
/// ```swift
/// let forest = ExtraTrees.fit(train, labels: labels, problem: .multiclass, classes: 10,
///                             parameters: ExtraTrees.Parameters(trees: 100), seed: 0)
/// let probabilities = forest.scores(valid)
/// ```
public struct ExtraTrees: Sendable, Codable, Equatable {
    /// What a forest is grown with.
    public struct Parameters: Sendable, Codable, Equatable {
        /// How many trees.
        public var trees = 100
        /// The share of the columns tried at each split; nil: the square root of their number
        /// for classes, every column for numbers (scikit-learn's defaults).
        public var maxFeatures: Double?
        /// A split leaves at least this many rows on each side.
        public var minSamplesLeaf = 1
        /// Each tree stops growing at this many leaves (it grows level by level), which bounds
        /// its size on large data: 100 trees of 4,096 leaves take 13 MB (16,384 leaves made a
        /// 5-fold bag on 43,000 rows 260 MB, and saving it peaked at 1.6 GB).
        public var maxLeaves = 4096

        public init(trees: Int = 100, maxFeatures: Double? = nil, minSamplesLeaf: Int = 1, maxLeaves: Int = 4096) {
            self.trees = trees
            self.maxFeatures = maxFeatures
            self.minSamplesLeaf = minSamplesLeaf
            self.maxLeaves = maxLeaves
        }

        /// Parameters from hyperparameters named as scikit-learn names them: `n_estimators`,
        /// `max_features` (a share), `min_samples_leaf`, `max_leaf_nodes` (as `max_leaves`).
        public static func parameters(from h: [String: Double]) -> Parameters {
            var p = Parameters()
            if let v = h["n_estimators"], v.isFinite, v >= 1 { p.trees = Int(v.rounded()) }
            if let v = h["max_features"], v.isFinite, v > 0 { p.maxFeatures = min(v, 1) }
            if let v = h["min_samples_leaf"], v.isFinite, v >= 1 { p.minSamplesLeaf = Int(v.rounded()) }
            if let v = h["max_leaves"], v.isFinite, v >= 2 { p.maxLeaves = Int(min(v, 1_048_576).rounded()) }
            return p
        }

        /// The most leaves a tree may have so that `forests` forests of `trees` trees, each node
        /// holding `outputs` values, take at most `bytes` (between 256 and 16,384 leaves).
        public static func leaves(bytes: Int, trees: Int, forests: Int, outputs: Int) -> Int {
            let perLeaf = 2 * (12 + 4 * outputs)  // a leaf and its parent: feature, cut, next, values
            return min(16_384, max(256, bytes / max(1, trees * forests * perLeaf)))
        }
    }

    /// One tree, as flat arrays indexed by node (the root is node 0).
    public struct Tree: Sendable, Codable, Equatable {
        /// The column a node splits on, or -1 for a leaf.
        public var feature: [Int32]
        /// Rows whose value is below the cut go left.
        public var cut: [Float]
        /// An inner node's left child (its right child follows it); 0 for a leaf.
        public var next: [Int32]
        /// `outputs` values a node (leaves and inner nodes): P(positive), class shares, or the
        /// mean target of its training rows.
        public var values: [Float]

        /// How many of its nodes are leaves.
        public var leafCount: Int { feature.count { $0 < 0 } }
    }

    public var problem: ProblemType
    /// Values a leaf holds: the classes for multiclass, else one.
    public var outputs: Int
    /// The number of input columns the forest takes.
    public var inputs: Int
    public var trees: [Tree]

    /// Scores: P(positive) for binary, class probabilities (row-major) for multiclass, values for
    /// regression, as ``LinearModel/scores(_:)`` gives them.
    public func scores(_ data: DesignMatrix) -> [Float] {
        precondition(data.columns == inputs, "the forest takes \(inputs) columns, not \(data.columns)")
        var out = [Float](repeating: 0, count: data.rows * outputs)
        let scale = 1 / Float(max(1, trees.count))
        data.values.withUnsafeBufferPointer { values in
            for tree in trees {
                tree.feature.withUnsafeBufferPointer { feature in
                    tree.cut.withUnsafeBufferPointer { cut in
                        tree.next.withUnsafeBufferPointer { next in
                            for row in 0..<data.rows {
                                let base = row * data.columns
                                var node = 0
                                while feature[node] >= 0 {
                                    let left = Int(next[node])
                                    node = values[base + Int(feature[node])] < cut[node] ? left : left + 1
                                }
                                for o in 0..<outputs {
                                    out[row * outputs + o] += tree.values[node * outputs + o] * scale
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Each value's contribution to each row's score, by the path the row takes (Saabas): a
    /// split on a column adds the change from the node's value to its child's; the root's value
    /// is the bias. Per row and output, `columns + 1` values (the bias last), which add up to
    /// the score; laid out as XGBoost lays out its contributions.
    public func contributions(_ data: DesignMatrix) -> [Float] {
        let width = data.columns + 1
        var out = [Float](repeating: 0, count: data.rows * outputs * width)
        let scale = 1 / Float(max(1, trees.count))
        for tree in trees {
            for row in 0..<data.rows {
                let base = row * data.columns
                var node = 0
                for o in 0..<outputs { out[(row * outputs + o) * width + data.columns] += tree.values[o] * scale }
                while tree.feature[node] >= 0 {
                    let feature = Int(tree.feature[node])
                    let left = Int(tree.next[node])
                    let child = data.values[base + feature] < tree.cut[node] ? left : left + 1
                    for o in 0..<outputs {
                        let change = tree.values[child * outputs + o] - tree.values[node * outputs + o]
                        out[(row * outputs + o) * width + feature] += change * scale
                    }
                    node = child
                }
            }
        }
        return out
    }
}

extension ExtraTrees.Tree {
    private enum CodingKeys: String, CodingKey {
        case feature, cut, next, values
    }

    /// Each array is stored as its little-endian bytes (base64 in JSON): a forest has many
    /// thousands of nodes, and numbers as text would take three times the room.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feature = try Self.values(c.decode(Data.self, forKey: .feature))
        cut = try Self.values(c.decode(Data.self, forKey: .cut))
        next = try Self.values(c.decode(Data.self, forKey: .next))
        values = try Self.values(c.decode(Data.self, forKey: .values))
        guard cut.count == feature.count, next.count == feature.count, !feature.isEmpty,
            values.count % feature.count == 0
        else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath, debugDescription: "the tree's node arrays differ in length"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.bytes(feature), forKey: .feature)
        try c.encode(Self.bytes(cut), forKey: .cut)
        try c.encode(Self.bytes(next), forKey: .next)
        try c.encode(Self.bytes(values), forKey: .values)
    }

    private static func bytes<T: BitwiseCopyable>(_ values: [T]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    private static func values<T: BitwiseCopyable>(_ data: Data) throws -> [T] {
        guard data.count % MemoryLayout<T>.stride == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a tree array is cut short"))
        }
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = count
        }
    }
}
