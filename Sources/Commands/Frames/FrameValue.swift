import Frames
import Kernel

/// A data frame held by the session under a name.
public final class FrameValue: ColumnHolder {
    public let frame: Frame
    /// Where it came from, as the user wrote it (`bank.csv`, `describe data`).
    public let origin: String

    public init(_ frame: Frame, origin: String) {
        self.frame = frame
        self.origin = origin
    }

    public var kind: String { "frame" }
    public var columnNames: [String] { frame.columnNames }
    public var summary: String { "\(Sizes.shape(frame)) (\(origin))" }
}

/// Sizes as the output writes them.
enum Sizes {
    /// `41188 rows × 21 columns`.
    static func shape(_ frame: Frame) -> String {
        "\(frame.rowCount) row\(frame.rowCount == 1 ? "" : "s") × \(frame.columns.count) "
            + "column\(frame.columns.count == 1 ? "" : "s")"
    }

    /// `5.8 MB`, `444.6 kB`, `212 bytes` (decimal units, as file managers show them).
    static func bytes(_ count: Int64) -> String {
        if count < 1000 { return "\(count) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(count) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return String(Int((value * 10).rounded()) / 10) + "." + String(Int((value * 10).rounded()) % 10) + " "
            + units[unit]
    }

    /// `446,231 bytes (446.2 kB)`, or `212 bytes` when the two would say the same.
    static func exact(_ count: Int64) -> String {
        count < 1000 ? bytes(count) : "\(grouped(Int(count))) bytes (\(bytes(count)))"
    }

    /// `41,188`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
