/// Reads the rows that start inside one byte range of a delimited file into column builders.
///
/// A row that starts inside the range is read to its end even past the range, so that the
/// caller can check that the next range starts where this one stopped (ranges are cut at
/// newlines without knowing about quotes; a cut inside a quoted field shows up as a mismatch).
struct ChunkParser: @unchecked Sendable {  // reads the buffer only
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let quote: UInt8
    let columnCount: Int
    let missing: MissingMatcher
    let forcedString: [Bool]

    struct Result {
        var columns: ChunkColumns
        var rows: Int
        /// Where the last row read ended (the next row's first byte).
        var stop: Int
    }

    enum Failure: Error {
        /// The column holds something other than its numbers: read again as strings.
        case needsString(column: Int)
        case ragged(rowStart: Int, fields: Int)
        case unterminatedQuote(at: Int)
        case invalidUTF8(at: Int, column: Int)
    }

    func parse(from start: Int, to end: Int, expectedRows: Int) throws(Failure) -> Result {
        let columns = ChunkColumns(forced: forcedString, capacity: expectedRows)
        let builders = columns.builders
        let n = bytes.count
        let p = bytes.baseAddress!
        let quote = self.quote, separator = self.separator, columnCount = self.columnCount
        // Bytes that end an unquoted field.
        let special = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        special.initialize(repeating: false, count: 256)
        defer { special.deallocate() }
        special[Int(separator)] = true
        special[0x0A] = true
        special[0x0D] = true
        var scratchCapacity = 256
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        defer { scratch.deallocate() }
        var pos = start
        var rows = 0
        while pos < end {
            // Blank lines are skipped, as pandas skips them.
            if p[pos] == 0x0A { pos += 1; continue }
            if p[pos] == 0x0D {
                pos += 1
                if pos < n, p[pos] == 0x0A { pos += 1 }
                continue
            }
            let rowStart = pos
            var field = 0
            while true {
                var fieldStart = pos
                var fieldLength: Int
                var fieldPointer: UnsafePointer<UInt8>
                if pos < n, p[pos] == quote {
                    // Quoted: up to the closing quote; a doubled quote is one quote.
                    pos += 1
                    fieldStart = pos
                    var escaped = false
                    while true {
                        while pos < n, p[pos] != quote { pos += 1 }
                        guard pos < n else { throw .unterminatedQuote(at: fieldStart - 1) }
                        if pos + 1 < n, p[pos + 1] == quote { escaped = true; pos += 2; continue }
                        break
                    }
                    let closing = pos
                    pos += 1
                    if escaped || (pos < n && !special[Int(p[pos])]) {
                        var tail = pos
                        while tail < n, !special[Int(p[tail])] { tail += 1 }
                        let needed = (closing - fieldStart) + (tail - pos)
                        if needed > scratchCapacity {
                            scratch.deallocate()
                            scratchCapacity = needed * 2
                            scratch = .allocate(capacity: scratchCapacity)
                        }
                        var length = 0
                        var i = fieldStart
                        while i < closing {
                            scratch[length] = p[i]
                            length += 1
                            i += p[i] == quote ? 2 : 1
                        }
                        // Text after the closing quote is kept, as pandas keeps it.
                        while pos < tail { scratch[length] = p[pos]; length += 1; pos += 1 }
                        fieldLength = length
                        fieldPointer = UnsafePointer(scratch)
                    } else {
                        fieldLength = closing - fieldStart
                        fieldPointer = p + fieldStart
                    }
                } else {
                    while pos < n, !special[Int(p[pos])] { pos += 1 }
                    fieldLength = pos - fieldStart
                    fieldPointer = p + fieldStart
                }
                if field >= columnCount {
                    // Count the rest of the row's fields for the message.
                    var extra = field + 1
                    var q = pos
                    while q < n, p[q] != 0x0A { if p[q] == separator { extra += 1 }; q += 1 }
                    throw .ragged(rowStart: rowStart, fields: extra)
                }
                if fieldLength == 0 || missing.matches(fieldPointer, fieldLength) {
                    builders[field].appendMissing()
                } else {
                    switch builders[field].append(fieldPointer, fieldLength) {
                    case .ok: break
                    case .needsString: throw .needsString(column: field)
                    case .invalidUTF8(let offset): throw .invalidUTF8(at: fieldStart + offset, column: field)
                    }
                }
                field += 1
                if pos < n, p[pos] == separator { pos += 1; continue }
                // End of row: LF, CRLF, CR, or the end of the file.
                if pos < n, p[pos] == 0x0D { pos += 1 }
                if pos < n, p[pos] == 0x0A { pos += 1 }
                break
            }
            if field != columnCount { throw .ragged(rowStart: rowStart, fields: field) }
            rows += 1
        }
        return Result(columns: columns, rows: rows, stop: pos)
    }
}
