/// The codes of a dictionary-encoded string column, stored as narrowly as the dictionary
/// allows: one byte per row for up to 255 distinct values (most categorical columns), two for
/// up to 65 535, four beyond. Reads as a collection of `UInt32`, with
/// ``CategoricalCodes/missing`` for a missing value whatever the width.
public struct CategoryCodes: RandomAccessCollection, Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        case narrow([UInt8])
        case medium([UInt16])
        case wide([UInt32])
    }

    private(set) var storage: Storage

    /// Codes from full-width values (``CategoricalCodes/missing`` for missing), stored narrowly.
    public init(_ codes: [UInt32], dictionarySize: Int) {
        if dictionarySize < Int(UInt8.max) {
            storage = .narrow(codes.map { $0 == CategoricalCodes.missing ? UInt8.max : UInt8(truncatingIfNeeded: $0) })
        } else if dictionarySize < Int(UInt16.max) {
            storage = .medium(
                codes.map { $0 == CategoricalCodes.missing ? UInt16.max : UInt16(truncatingIfNeeded: $0) })
        } else {
            storage = .wide(codes)
        }
    }

    init(storage: Storage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .narrow(let c): c.count
        case .medium(let c): c.count
        case .wide(let c): c.count
        }
    }

    @inline(__always)
    public subscript(position: Int) -> UInt32 {
        switch storage {
        case .narrow(let c): let v = c[position]; return v == .max ? CategoricalCodes.missing : UInt32(v)
        case .medium(let c): let v = c[position]; return v == .max ? CategoricalCodes.missing : UInt32(v)
        case .wide(let c): return c[position]
        }
    }

    /// Bytes per row.
    public var width: Int {
        switch storage {
        case .narrow: 1
        case .medium: 2
        case .wide: 4
        }
    }

    /// Calls `body` with the codes as full-width values (copied when stored narrower).
    public func withWideCodes<R>(_ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        if case .wide(let c) = storage { return try c.withUnsafeBufferPointer(body) }
        return try Array(self).withUnsafeBufferPointer(body)
    }

    /// How many rows use each code (missing rows not counted), in one pass.
    public func counts(dictionarySize: Int) -> (counts: [Int], missing: Int) {
        var counts = [Int](repeating: 0, count: dictionarySize + 1)
        func tally<T: FixedWidthInteger>(_ codes: [T]) {
            counts.withUnsafeMutableBufferPointer { counts in
                for code in codes { counts[code == T.max ? dictionarySize : Int(code)] += 1 }
            }
        }
        switch storage {
        case .narrow(let c): tally(c)
        case .medium(let c): tally(c)
        case .wide(let c): tally(c)
        }
        let missing = counts.removeLast()
        return (counts, missing)
    }
}

/// Builds ``CategoryCodes`` row by row, widening the storage when the dictionary outgrows it.
struct CategoryCodesBuilder {
    private var narrow: [UInt8] = []
    private var medium: [UInt16] = []
    private var wide: [UInt32] = []
    private var width = 1
    private var reserved = 0

    mutating func reserve(_ count: Int) {
        reserved = count
        narrow.reserveCapacity(count)
        HugePages.advise(&narrow)
    }

    var count: Int { width == 1 ? narrow.count : width == 2 ? medium.count : wide.count }

    /// Makes room for codes below `dictionarySize`.
    mutating func fit(dictionarySize: Int) {
        if width == 1, dictionarySize >= Int(UInt8.max) {
            medium.reserveCapacity(max(reserved, narrow.count))
            medium.append(contentsOf: narrow.lazy.map { $0 == .max ? UInt16.max : UInt16($0) })
            narrow = []
            width = 2
        }
        if width == 2, dictionarySize >= Int(UInt16.max) {
            wide.reserveCapacity(max(reserved, medium.count))
            wide.append(contentsOf: medium.lazy.map { $0 == .max ? CategoricalCodes.missing : UInt32($0) })
            medium = []
            width = 4
        }
    }

    @inline(__always)
    mutating func append(_ code: UInt32) {
        switch width {
        case 1: narrow.append(code == CategoricalCodes.missing ? .max : UInt8(truncatingIfNeeded: code))
        case 2: medium.append(code == CategoricalCodes.missing ? .max : UInt16(truncatingIfNeeded: code))
        default: wide.append(code)
        }
    }

    mutating func appendMissing(_ n: Int) {
        switch width {
        case 1: narrow.append(contentsOf: repeatElement(.max, count: n))
        case 2: medium.append(contentsOf: repeatElement(.max, count: n))
        default: wide.append(contentsOf: repeatElement(CategoricalCodes.missing, count: n))
        }
    }

    func finish() -> CategoryCodes {
        switch width {
        case 1: CategoryCodes(storage: .narrow(narrow))
        case 2: CategoryCodes(storage: .medium(medium))
        default: CategoryCodes(storage: .wide(wide))
        }
    }
}
