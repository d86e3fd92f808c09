/// Writes a frame as delimited text: a header row, fields quoted when they hold the separator, a
/// quote or a line break (quotes doubled), floats in their shortest exact form, missing values
/// empty.
public enum CSVWriter {
    /// The frame as CSV bytes; `header: false` leaves out the row of column names (an endpoint's
    /// request rows).
    public static func bytes(of frame: Frame, separator: UInt8 = 0x2C, header: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(frame.rowCount * frame.columns.count * 6 + 256)
        func field(_ text: String) {
            let bytes = Array(text.utf8)
            if bytes.contains(where: { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for b in bytes { if b == 0x22 { out.append(0x22) }; out.append(b) }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
        if header {
            for (index, column) in frame.columns.enumerated() {
                if index > 0 { out.append(separator) }
                field(column.name)
            }
            out.append(0x0A)
        }
        for row in 0..<frame.rowCount {
            for (index, column) in frame.columns.enumerated() {
                if index > 0 { out.append(separator) }
                switch column.data.value(at: row) {
                case .missing: break
                case .int(let v): out.append(contentsOf: String(v).utf8)
                case .double(let v): out.append(contentsOf: NumberFormat.shortest(v).utf8)
                case .bool(let v): out.append(contentsOf: (v ? "True" : "False").utf8)
                case .string(let s): field(s)
                }
            }
            out.append(0x0A)
        }
        return out
    }
}
