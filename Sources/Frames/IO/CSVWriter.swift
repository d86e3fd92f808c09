#if canImport(Glibc)
import Glibc
#endif

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

    /// Writes the frame to `path` as CSV a few thousand rows at a time, so its text is never
    /// whole in memory; the file appears complete or not at all (written beside, then renamed).
    ///
    /// - Throws: ``CSVWriteError`` naming what the system said.
    public static func write(_ frame: Frame, toFile path: String, separator: UInt8 = 0x2C) throws(CSVWriteError) {
        let partial = path + ".partial"
        guard let file = fopen(partial, "wb") else {
            throw CSVWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        var failed = false
        let step = 8192
        for start in stride(from: 0, to: max(frame.rowCount, 1), by: step) {
            let chunk = bytes(
                of: frame.rows(start..<min(frame.rowCount, start + step)), separator: separator, header: start == 0)
            if chunk.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) != chunk.count {
                failed = true; break
            }
        }
        let reason = String(cString: strerror(errno))
        if fclose(file) != 0 || failed {
            unlink(partial)
            throw CSVWriteError(path: path, reason: reason)
        }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partial)
            throw CSVWriteError(path: path, reason: reason)
        }
    }
}

/// A CSV file that could not be written: its path and the system's reason.
public struct CSVWriteError: Error, Sendable {
    public var path: String
    public var reason: String
}
