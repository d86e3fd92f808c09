/// Joins the column pieces read from consecutive chunks into one column, promoting integers to
/// floats when a later chunk needs it. A chunk whose values cannot join the column's type (text
/// after numbers) makes the caller read the column again as strings.
struct FrameColumnAssembler {
    private var kind: ColumnBuilder.Kind = .empty
    private var rows = 0
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var dictionary = ByteDictionary()
    private var missingRows: [Int] = []
    private var reserved = 0

    mutating func reserve(_ count: Int) {
        reserved = count
    }

    /// Appends a chunk's values; `false` when they do not fit the column's type.
    mutating func append(_ chunk: ColumnBuilder, at offset: Int) -> Bool {
        var chunk = chunk
        if kind == .empty, chunk.kind != .empty { adopt(chunk.kind) }
        if kind == .int, chunk.kind == .double { promoteToDouble() }
        if kind == .double, chunk.kind == .int { chunk.promoteToDouble() }
        guard chunk.kind == kind || chunk.kind == .empty else { return false }
        for row in chunk.missingRows { missingRows.append(offset + Int(row)) }
        switch kind {
        case .empty: break
        case .int: chunk.kind == .empty ? ints.append(contentsOf: repeatElement(0, count: chunk.rows)) : ints.append(contentsOf: chunk.ints)
        case .double: chunk.kind == .empty ? doubles.append(contentsOf: repeatElement(.nan, count: chunk.rows)) : doubles.append(contentsOf: chunk.doubles)
        case .bool: chunk.kind == .empty ? bools.append(contentsOf: repeatElement(false, count: chunk.rows)) : bools.append(contentsOf: chunk.bools)
        case .string:
            if chunk.kind == .empty {
                codes.append(contentsOf: repeatElement(CategoricalCodes.missing, count: chunk.rows))
            } else {
                var remap = [UInt32](repeating: 0, count: chunk.dictionary.count)
                for code in 0..<chunk.dictionary.count {
                    remap[code] = chunk.dictionary.bytes(of: code).withUnsafeBufferPointer { dictionary.code(of: $0).code }
                }
                codes.append(contentsOf: chunk.codes.lazy.map { $0 == CategoricalCodes.missing ? $0 : remap[Int($0)] })
            }
        }
        rows += chunk.rows
        return true
    }

    private mutating func adopt(_ newKind: ColumnBuilder.Kind) {
        kind = newKind
        let capacity = max(reserved, rows)
        switch newKind {
        case .empty: break
        case .int: ints.reserveCapacity(capacity); ints.append(contentsOf: repeatElement(0, count: rows))
        case .double: doubles.reserveCapacity(capacity); doubles.append(contentsOf: repeatElement(.nan, count: rows))
        case .bool: bools.reserveCapacity(capacity); bools.append(contentsOf: repeatElement(false, count: rows))
        case .string: codes.reserveCapacity(capacity); codes.append(contentsOf: repeatElement(CategoricalCodes.missing, count: rows))
        }
    }

    private mutating func promoteToDouble() {
        var converted = [Double]()
        converted.reserveCapacity(max(reserved, ints.count))
        converted.append(contentsOf: ints.lazy.map(Double.init))
        for row in missingRows { converted[row] = .nan }
        doubles = converted
        ints = []
        kind = .double
    }

    /// The finished column. A column with no values at all is read as strings, all missing.
    func finish() -> ColumnData {
        var missing: Bitmap?
        if !missingRows.isEmpty {
            var bitmap = Bitmap(count: rows)
            for row in missingRows { bitmap[row] = true }
            missing = bitmap
        }
        switch kind {
        case .empty: return .string(codes: [UInt32](repeating: CategoricalCodes.missing, count: rows), dictionary: [])
        case .int: return .int(ints, missing: missing)
        case .double: return .double(doubles)
        case .bool: return .bool(bools, missing: missing)
        case .string: return .string(codes: codes, dictionary: dictionary.strings())
        }
    }
}
