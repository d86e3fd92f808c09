#if canImport(Glibc)
import Glibc
#endif

/// Formats numbers the way pandas prints a float column: every value with 6 decimals, then the
/// trailing zeros all values share removed (keeping one decimal), so `41188.0`, `40.02406` and
/// `10.42125` come out as `41188.00000`, `40.02406`, `10.42125`. Columns holding values below
/// 1e-6, or above 1e6 and too long to print, switch to scientific notation as pandas does.
public enum NumberFormat {
    public static let digits = 6

    /// The printed form of each value; NaN prints as `NaN`.
    public static func column(_ values: [Double]) -> [String] {
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.map(abs)
        let small = magnitudes.contains { $0 > 0 && $0 < 1e-6 }
        let large = magnitudes.contains { $0 > 1e6 }
        let fixed = values.map { format($0, scientific: false) }
        let longest = fixed.map(\.count).max() ?? 0
        if small || (large && longest > digits + 6) {
            return values.map { format($0, scientific: true) }  // pandas keeps every digit here
        }
        return trimZeros(fixed)
    }

    /// One value printed alone, with pandas' trimming.
    public static func single(_ value: Double) -> String {
        column([value])[0]
    }

    /// The shortest text that reads back as the same double (`93.994`, `5191.0`), as Python's repr.
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    private static func format(_ value: Double, scientific: Bool) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 64)
        let pattern = scientific ? "%.6e" : "%.6f"
        _ = withVaList([value]) { vsnprintf(&buffer, 64, pattern, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes trailing zeros while every number ends in one, keeping a digit after the point.
    private static func trimZeros(_ strings: [String]) -> [String] {
        var result = strings.map { Array($0.utf8) }
        func mantissaEnd(_ s: [UInt8]) -> Int { s.firstIndex(of: UInt8(ascii: "e")) ?? s.count }
        let numbers = result.indices.filter { result[$0].contains(UInt8(ascii: ".")) }
        guard !numbers.isEmpty else { return strings }
        while numbers.allSatisfy({ i in
            let s = result[i], end = mantissaEnd(s)
            return end >= 2 && s[end - 1] == UInt8(ascii: "0") && s[end - 2] != UInt8(ascii: ".")
        }) {
            for i in numbers { result[i].remove(at: mantissaEnd(result[i]) - 1) }
        }
        return result.map { String(decoding: $0, as: UTF8.self) }
    }
}
