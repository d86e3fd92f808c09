/// Rows of numbers ready for a learner: row-major values, missing ones as NaN, and what each
/// column is (a number or a category code, and its name).
public struct DesignMatrix: Sendable {
    public var values: [Float]
    public var rows: Int
    public var columns: Int
    public var kinds: [DMatrix.FeatureKind]
    public var names: [String]

    /// A matrix of `rows × columns` values, row-major; `kinds` and `names` have one entry a column.
    public init(values: [Float], rows: Int, columns: Int, kinds: [DMatrix.FeatureKind], names: [String]) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.kinds = kinds
        self.names = names
    }

    /// The rows at `indices`.
    public func rows(_ indices: [Int]) -> DesignMatrix {
        var picked = [Float]()
        picked.reserveCapacity(indices.count * columns)
        for row in indices { picked.append(contentsOf: values[(row * columns)..<((row + 1) * columns)]) }
        return DesignMatrix(values: picked, rows: indices.count, columns: columns, kinds: kinds, names: names)
    }
}
