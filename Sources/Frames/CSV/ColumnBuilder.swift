import TextLayout

/// Collects one column's values while a chunk of rows is read, deciding the column's type from
/// what it sees: integers until a value is not one, then floats; booleans; otherwise strings.
/// Missing markers never decide the type.
struct ColumnBuilder {
    enum Kind: UInt8, Comparable {
        case empty, bool, int, double, string
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    private(set) var kind: Kind
    private(set) var rows = 0
    var ints: [Int64] = []
    var doubles: [Double] = []
    var bools: [Bool] = []
    var codes: [UInt32] = []
    var dictionary = ByteDictionary()
    /// Rows holding a missing value, in order.
    var missingRows: [Int32] = []
    /// Offset in the file of the first byte of each distinct string, for error messages.
    var firstSeenAt: [Int] = []

    init(forceString: Bool, capacity: Int) {
        kind = forceString ? .string : .empty
        if forceString { codes.reserveCapacity(capacity) }
    }

    /// The result of offering a value.
    enum Outcome { case ok, needsString, invalidUTF8(offsetInField: Int) }

    @inline(__always)
    mutating func appendMissing() {
        missingRows.append(Int32(truncatingIfNeeded: rows))
        switch kind {
        case .empty: break
        case .int: ints.append(0)
        case .double: doubles.append(.nan)
        case .bool: bools.append(false)
        case .string: codes.append(CategoricalCodes.missing)
        }
        rows += 1
    }

    /// Adds a non-missing value given as bytes; `fileOffset` locates it for error messages.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int, fileOffset: Int) -> Outcome {
        switch kind {
        case .int:
            if let v = NumberParser.int(p, n) { ints.append(v); rows += 1; return .ok }
            if let d = NumberParser.double(p, n) {
                promoteToDouble()
                doubles.append(d)
                rows += 1
                return .ok
            }
            return .needsString
        case .double:
            if let d = NumberParser.double(p, n) { doubles.append(d); rows += 1; return .ok }
            return .needsString
        case .string:
            return appendString(p, n, fileOffset: fileOffset)
        case .bool:
            if let b = NumberParser.bool(p, n) { bools.append(b); rows += 1; return .ok }
            return .needsString
        case .empty:
            if let v = NumberParser.int(p, n) {
                kind = .int
                ints = [Int64](repeating: 0, count: rows)
                ints.append(v)
            } else if let d = NumberParser.double(p, n) {
                kind = .double
                doubles = [Double](repeating: .nan, count: rows)
                doubles.append(d)
            } else if let b = NumberParser.bool(p, n) {
                kind = .bool
                bools = [Bool](repeating: false, count: rows)
                bools.append(b)
            } else {
                kind = .string
                codes = [UInt32](repeating: CategoricalCodes.missing, count: rows)
                return appendString(p, n, fileOffset: fileOffset)
            }
            rows += 1
            return .ok
        }
    }

    @inline(__always)
    private mutating func appendString(_ p: UnsafePointer<UInt8>, _ n: Int, fileOffset: Int) -> Outcome {
        let bytes = UnsafeBufferPointer(start: p, count: n)
        let (code, isNew) = dictionary.code(of: bytes)
        if isNew {
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) { return .invalidUTF8(offsetInField: bad) }
            firstSeenAt.append(fileOffset)
        }
        codes.append(code)
        rows += 1
        return .ok
    }

    mutating func promoteToDouble() {
        var converted = ints.map(Double.init)
        for row in missingRows { converted[Int(row)] = .nan }
        doubles = converted
        ints = []
        kind = .double
    }
}
