/// The records of a `text/csv` request body, as RFC 4180 writes them: comma-separated fields,
/// fields in double quotes may hold commas, line breaks and doubled quotes (`""`); lines end in
/// LF or CRLF. Blank lines are skipped.
enum CSVRecords {
    /// Every record's fields, in order.
    ///
    /// - Throws: ``InvocationError`` when a quoted field is never closed, naming its row.
    static func parse(_ body: [UInt8]) throws(InvocationError) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var i = 0
        let n = body.count
        var recordHasContent = false
        while i < n {
            let byte = body[i]
            switch byte {
            case UInt8(ascii: "\""):
                let opened = records.count + 1
                i += 1
                var closed = false
                while i < n {
                    if body[i] == UInt8(ascii: "\"") {
                        if i + 1 < n, body[i + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    field.append(body[i])
                    i += 1
                }
                guard closed else {
                    throw InvocationError(.badRequest, "row \(opened): a quoted field is never closed", row: opened)
                }
                recordHasContent = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                recordHasContent = true
                i += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if recordHasContent || !field.isEmpty {
                    fields.append(String(decoding: field, as: UTF8.self))
                    records.append(fields)
                }
                fields.removeAll(keepingCapacity: true)
                field.removeAll(keepingCapacity: true)
                recordHasContent = false
                i += 1
                if byte == UInt8(ascii: "\r"), i < n, body[i] == UInt8(ascii: "\n") { i += 1 }
            default:
                field.append(byte)
                i += 1
            }
        }
        if recordHasContent || !field.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(fields)
        }
        return records
    }
}
