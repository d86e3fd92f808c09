/// A named column of a ``Frame``.
public struct Column: Sendable {
    public var name: String
    public var data: ColumnData

    public init(name: String, data: ColumnData) {
        self.name = name
        self.data = data
    }

    public var count: Int { data.count }
    public var type: ColumnType { data.type }
}

/// What a column holds. Each case keeps its values packed in one array; missing values are
/// marked in a bitmap (ints, bools, strings) or stored as NaN (floats), as pandas does.
public enum ColumnData: Sendable {
    case int([Int64], missing: Bitmap?)
    case double([Double])
    case bool([Bool], missing: Bitmap?)
    /// Strings, dictionary-encoded: `codes[i]` indexes `dictionary`; ``CategoricalCodes/missing`` marks a missing
    /// value.
    case string(codes: CategoryCodes, dictionary: [String])

    public var count: Int {
        switch self {
        case .int(let values, _): values.count
        case .double(let values): values.count
        case .bool(let values, _): values.count
        case .string(let codes, _): codes.count
        }
    }

    public var type: ColumnType {
        switch self {
        case .int: .integer
        case .double: .float
        case .bool: .boolean
        case .string: .string
        }
    }

    /// Whether the value at `row` is missing.
    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case .int(_, let missing), .bool(_, let missing): missing?[row] ?? false
        case .double(let values): values[row].isNaN
        case .string(let codes, _): codes[row] == CategoricalCodes.missing
        }
    }

    /// How many values are missing.
    public var missingCount: Int {
        switch self {
        case .int(_, let missing), .bool(_, let missing): missing?.setCount ?? 0
        case .double(let values): values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .string(let codes, let dictionary): codes.counts(dictionarySize: dictionary.count).missing
        }
    }

    /// The value at `row` as a ``Value``.
    public func value(at row: Int) -> Value {
        if isMissing(row) { return .missing }
        switch self {
        case .int(let values, _): return .int(values[row])
        case .double(let values): return .double(values[row])
        case .bool(let values, _): return .bool(values[row])
        case .string(let codes, let dictionary): return .string(dictionary[Int(codes[row])])
        }
    }

    /// The column as floats (NaN for missing), for numeric statistics; `nil` for strings.
    public var doubles: [Double]? {
        switch self {
        case .double(let values):
            return values
        case .int(let values, let missing):
            var result = values.map(Double.init)
            if let missing { for row in 0..<result.count where missing[row] { result[row] = .nan } }
            return result
        case .bool(let values, let missing):
            var result = values.map { $0 ? 1.0 : 0.0 }
            if let missing { for row in 0..<result.count where missing[row] { result[row] = .nan } }
            return result
        case .string:
            return nil
        }
    }
}

extension ColumnData {
    /// A string column from full-width codes, stored as narrowly as its dictionary allows.
    public static func strings(codes: [UInt32], dictionary: [String]) -> ColumnData {
        .string(codes: CategoryCodes(codes, dictionarySize: dictionary.count), dictionary: dictionary)
    }
}

/// Codes of dictionary-encoded string columns.
public enum CategoricalCodes {
    /// The code of a missing value.
    public static let missing = UInt32.max
}

/// The type of a column, as `schema` shows it.
public enum ColumnType: String, Sendable, CaseIterable {
    case integer, float, boolean, string

    /// Whether `describe` treats it as a number by default (pandas: numbers, not booleans).
    public var isNumeric: Bool { self == .integer || self == .float }
}

/// One value of a frame.
public enum Value: Sendable, Equatable, Hashable {
    case missing
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case string(String)
}
