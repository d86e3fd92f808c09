import Frames

/// The columns a model takes, as the training frame had them without the target: what a
/// request to an endpoint or a batch transform must provide, in this order.
public struct InputSchema: Sendable, Codable, Equatable {
    public struct Column: Sendable, Codable, Equatable {
        public var name: String
        /// The type the column had in training: `integer`, `float`, `boolean` or `string`.
        public var type: String

        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }

        /// Whether values must be numbers (they were read as numbers in training; booleans and
        /// text are categories).
        public var isNumeric: Bool { ColumnType(rawValue: type)?.isNumeric ?? false }
    }

    public var columns: [Column]

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Every column of `frame` but `target`, in frame order.
    public init(frame: Frame, target: String) {
        columns = frame.columns.filter { $0.name != target }.map { Column(name: $0.name, type: $0.type.rawValue) }
    }
}
