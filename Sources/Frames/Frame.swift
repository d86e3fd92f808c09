/// A table held column by column, each column typed and packed.
///
/// Loading `bank-additional-full.csv` gives a frame of 41188 rows and 21 columns: integers such
/// as `age`, floats such as `euribor3m`, and dictionary-encoded strings such as `job`.
public struct Frame: Sendable {
    public private(set) var columns: [Column]
    public let rowCount: Int

    /// A frame of these columns, which must all have `rowCount` values.
    public init(columns: [Column], rowCount: Int) {
        precondition(columns.allSatisfy { $0.count == rowCount }, "columns of different lengths")
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A frame of these columns (at least one), all of the same length.
    public init(columns: [Column]) {
        self.init(columns: columns, rowCount: columns.first?.count ?? 0)
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// The column with this exact name.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The index of the column with this exact name.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The bytes the column data takes in memory (values, codes, dictionaries, bitmaps).
    public var memoryFootprint: Int {
        columns.reduce(0) { total, column in
            switch column.data {
            case .int(let values, let missing): total + values.count * 8 + (missing?.count ?? 0) / 8
            case .double(let values): total + values.count * 8
            case .bool(let values, let missing): total + values.count + (missing?.count ?? 0) / 8
            case .string(let codes, let dictionary):
                total + codes.count * codes.width + dictionary.reduce(0) { $0 + $1.utf8.count + 16 }
            }
        }
    }
}
