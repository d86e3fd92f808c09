import TextLayout

/// Collects one column's values while a chunk of rows is read, deciding the column's type from
/// what it sees: integers until a value is not one, then floats; booleans; otherwise strings.
/// Missing markers never decide the type. Storage is manual (``RawBuffer``); the owning
/// ``ChunkColumns`` releases it.
struct ColumnBuilder {
    enum Kind: UInt8, Comparable {
        case empty, bool, int, double, string
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    private(set) var kind: Kind
    private(set) var rows = 0
    var ints = RawBuffer<Int64>(capacity: 1)
    var doubles = RawBuffer<Double>(capacity: 1)
    var bools = RawBuffer<Bool>(capacity: 1)
    var codes = RawBuffer<UInt32>(capacity: 1)
    var dictionary = ByteDictionary()
    /// Rows holding a missing value, in order.
    var missingRows = RawBuffer<Int32>(capacity: 4)
    private let capacity: Int

    init(forceString: Bool, capacity: Int) {
        self.capacity = max(16, capacity)
        kind = forceString ? .string : .empty
        if forceString { codes.reserve(self.capacity) }
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

    /// Adds a non-missing value given as bytes.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) -> Outcome {
        switch kind {
        case .string:
            let (code, isNew) = dictionary.code(of: p, n)
            if isNew, let bad = UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(start: p, count: n)) {
                return .invalidUTF8(offsetInField: bad)
            }
            codes.append(code)
            rows += 1
            return .ok
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
        case .bool:
            if let b = NumberParser.bool(p, n) { bools.append(b); rows += 1; return .ok }
            return .needsString
        case .empty:
            if let v = NumberParser.int(p, n) {
                kind = .int
                ints.reserve(capacity)
                ints.append(repeating: 0, count: rows)
                ints.append(v)
            } else if let d = NumberParser.double(p, n) {
                kind = .double
                doubles.reserve(capacity)
                doubles.append(repeating: .nan, count: rows)
                doubles.append(d)
            } else if let b = NumberParser.bool(p, n) {
                kind = .bool
                bools.reserve(capacity)
                bools.append(repeating: false, count: rows)
                bools.append(b)
            } else {
                kind = .string
                codes.reserve(capacity)
                codes.append(repeating: CategoricalCodes.missing, count: rows)
                return append(p, n)
            }
            rows += 1
            return .ok
        }
    }

    mutating func promoteToDouble() {
        doubles.reserve(max(capacity, ints.count + 1))
        for i in 0..<ints.count { doubles.append(Double(ints[i])) }
        for i in 0..<missingRows.count { doubles[Int(missingRows[i])] = .nan }
        ints.removeAll()
        kind = .double
    }

    func release() {
        ints.release()
        doubles.release()
        bools.release()
        codes.release()
        dictionary.release()
        missingRows.release()
    }
}

/// The column builders of one chunk, owning their memory.
final class ChunkColumns: @unchecked Sendable {  // one chunk, handed from its parser to the joiner
    let builders: UnsafeMutablePointer<ColumnBuilder>
    let count: Int

    init(forced: [Bool], capacity: Int) {
        count = forced.count
        builders = .allocate(capacity: count)
        for i in 0..<count { (builders + i).initialize(to: ColumnBuilder(forceString: forced[i], capacity: capacity)) }
    }

    subscript(index: Int) -> ColumnBuilder { builders[index] }

    deinit {
        for i in 0..<count { builders[i].release() }
        builders.deinitialize(count: count)
        builders.deallocate()
    }
}
