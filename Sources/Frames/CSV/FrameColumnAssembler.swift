/// Joins the column pieces read from consecutive chunks into one column, promoting integers to
/// floats when a later chunk needs it. A chunk whose values cannot join the column's type (text
/// after numbers) makes the caller read the column again as strings.
struct FrameColumnAssembler {
    private var kind: ColumnBuilder.Kind = .empty
    private var rows = 0
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes = CategoryCodesBuilder()
    private var dictionary = ByteDictionary()
    private var missingRows: [Int] = []
    private var reserved = 0

    mutating func reserve(_ count: Int) {
        reserved = count
    }

    /// Appends a chunk's values; `false` when they do not fit the column's type.
    mutating func append(_ chunk: ColumnBuilder, at offset: Int) -> Bool {
        // The chunk is read, never changed: its buffers belong to its ChunkColumns.
        if kind == .empty, chunk.kind != .empty { adopt(chunk.kind) }
        if kind == .int, chunk.kind == .double { promoteToDouble() }
        let intsAsDoubles = kind == .double && chunk.kind == .int
        guard chunk.kind == kind || chunk.kind == .empty || intsAsDoubles else { return false }
        let firstMissing = missingRows.count
        for i in 0..<chunk.missingRows.count { missingRows.append(offset + Int(chunk.missingRows[i])) }
        let n = chunk.rows
        if intsAsDoubles {
            doubles.append(contentsOf: chunk.ints.buffer.lazy.map(Double.init))
            for row in missingRows[firstMissing...] { doubles[row] = .nan }
            rows += n
            return true
        }
        switch kind {
        case .empty: break
        case .int:
            chunk.kind == .empty
                ? ints.append(contentsOf: repeatElement(0, count: n)) : ints.append(contentsOf: chunk.ints.buffer)
        case .double:
            chunk.kind == .empty
                ? doubles.append(contentsOf: repeatElement(.nan, count: n))
                : doubles.append(contentsOf: chunk.doubles.buffer)
        case .bool:
            chunk.kind == .empty
                ? bools.append(contentsOf: repeatElement(false, count: n))
                : bools.append(contentsOf: chunk.bools.buffer)
        case .string:
            if chunk.kind == .empty {
                codes.appendMissing(n)
            } else {
                var remap = [UInt32](repeating: 0, count: chunk.dictionary.count)
                for code in 0..<chunk.dictionary.count {
                    remap[code] = dictionary.code(of: chunk.dictionary.bytes(of: code)).code
                }
                codes.fit(dictionarySize: dictionary.count)
                let source = chunk.codes.buffer
                remap.withUnsafeBufferPointer { remap in
                    for code in source { codes.append(code == CategoricalCodes.missing ? code : remap[Int(code)]) }
                }
            }
        }
        rows += n
        return true
    }

    private mutating func adopt(_ newKind: ColumnBuilder.Kind) {
        kind = newKind
        let capacity = max(reserved, rows)
        switch newKind {
        case .empty: break
        case .int:
            ints.reserveCapacity(capacity)
            HugePages.advise(&ints)
            ints.append(contentsOf: repeatElement(0, count: rows))
        case .double:
            doubles.reserveCapacity(capacity)
            HugePages.advise(&doubles)
            doubles.append(contentsOf: repeatElement(.nan, count: rows))
        case .bool:
            bools.reserveCapacity(capacity)
            bools.append(contentsOf: repeatElement(false, count: rows))
        case .string:
            codes.reserve(capacity)
            codes.appendMissing(rows)
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
        case .empty: return .strings(codes: [UInt32](repeating: CategoricalCodes.missing, count: rows), dictionary: [])
        case .int: return .int(ints, missing: missing)
        case .double: return .double(doubles)
        case .bool: return .bool(bools, missing: missing)
        case .string: return .string(codes: codes.finish(), dictionary: dictionary.strings())
        }
    }

    /// Frees the dictionary's memory; call once, after ``finish()`` or instead of it.
    func release() {
        dictionary.release()
    }
}
