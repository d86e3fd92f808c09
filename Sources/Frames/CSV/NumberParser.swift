#if canImport(Glibc)
import Glibc
#endif

/// Parses numbers from CSV field bytes without making strings: integers exactly, floats
/// correctly rounded (Clinger's fast path for up to 19 significant digits and small exponents,
/// `strtod` otherwise). Leading and trailing spaces are allowed, as pandas allows them.
enum NumberParser {
    /// 10^e for 0 ≤ e ≤ 22, all exact in a Double.
    @inline(__always)
    static func powerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    @inline(__always)
    static func trimmed(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = n
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        return (p + start, end - start)
    }

    /// An integer of at most 18 digits with an optional sign.
    @inline(__always)
    static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var (p, n) = (p, n)
        if n == 0 || p[0] == 0x20 || p[n - 1] == 0x20 { (p, n) = trimmed(p, n) }
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == 0x2D { negative = true; i = 1 } else if p[0] == 0x2B { i = 1 }
        let digits = n - i
        guard digits > 0, digits <= 18 else { return nil }
        var value: Int64 = 0
        while i < n {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// A decimal floating-point number: `-36.4`, `1e-5`, `.5`, `5.`, `inf`, `-Infinity`.
    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var (p, n) = (p, n)
        if n == 0 || p[0] == 0x20 || p[n - 1] == 0x20 { (p, n) = trimmed(p, n) }
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == 0x2D { negative = true; i = 1 } else if p[0] == 0x2B { i = 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var dropped = false
        while i < n, p[i] &- 0x30 < 10 {
            sawDigit = true
            if significant < 19 {
                if mantissa != 0 || p[i] != 0x30 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    significant += mantissa == 0 ? 0 : 1
                }
            } else {
                exponent += 1
                if p[i] != 0x30 { dropped = true }
            }
            i += 1
        }
        if i < n, p[i] == 0x2E {
            i += 1
            while i < n, p[i] &- 0x30 < 10 {
                sawDigit = true
                if significant < 19 {
                    if mantissa != 0 || p[i] != 0x30 {
                        mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                        significant += 1
                    }
                    exponent -= 1
                } else if p[i] != 0x30 {
                    dropped = true
                }
                i += 1
            }
        }
        guard sawDigit else { return special(p, n) }
        if i < n, p[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < n, p[i] == 0x2D { expNegative = true; i += 1 } else if i < n, p[i] == 0x2B { i += 1 }
            guard i < n else { return nil }
            var e = 0
            while i < n, p[i] &- 0x30 < 10 {
                if e < 100_000 { e = e * 10 + Int(p[i] &- 0x30) }
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if !dropped, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= powerOfTen(-exponent) } else if exponent > 0 { value *= powerOfTen(exponent) }
            return negative ? -value : value
        }
        if mantissa == 0, !dropped { return negative ? -0.0 : 0.0 }
        return strtodFallback(p, n)
    }

    private static func special(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var i = 0
        var negative = false
        if p[0] == 0x2D { negative = true; i = 1 } else if p[0] == 0x2B { i = 1 }
        let word = String(decoding: UnsafeBufferPointer(start: p + i, count: n - i), as: UTF8.self).lowercased()
        guard word == "inf" || word == "infinity" else { return nil }
        return negative ? -.infinity : .infinity
    }

    private static func strtodFallback(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var buffer = [CChar](repeating: 0, count: n + 1)
        for i in 0..<n { buffer[i] = CChar(bitPattern: p[i]) }
        return buffer.withUnsafeBufferPointer { b -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(b.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: b.baseAddress!) == n else { return nil }
            return value
        }
    }

    /// `true`/`false` in the spellings pandas reads as booleans.
    @inline(__always)
    static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        switch n {
        case 4:
            if (p[0] == 0x74 || p[0] == 0x54), p[1] | 0x20 == 0x72, p[2] | 0x20 == 0x75, p[3] | 0x20 == 0x65 {
                let s = (p[1], p[2], p[3])
                if s == (0x72, 0x75, 0x65) || s == (0x52, 0x55, 0x45) { return true }
            }
            return nil
        case 5:
            if (p[0] == 0x66 || p[0] == 0x46), p[1] | 0x20 == 0x61, p[2] | 0x20 == 0x6C, p[3] | 0x20 == 0x73,
                p[4] | 0x20 == 0x65
            {
                let s = (p[1], p[2], p[3], p[4])
                if s == (0x61, 0x6C, 0x73, 0x65) || s == (0x41, 0x4C, 0x53, 0x45) { return false }
            }
            return nil
        default:
            return nil
        }
    }
}
