/// Compares outputs with numbers allowed to differ by a relative tolerance, so a workbook checked
/// on a machine whose libm rounds the last digit differently still matches.
///
/// The texts are compared token by token. A number is a run of digits, with an optional leading
/// `-`, an optional fraction (`.` and digits) and an optional exponent (`e-05`), that no letter,
/// digit, `_` or `.` touches on either side: `0.0025`, `-36.4`, `1.2e-05`, `93.994`. Digits glued
/// to letters (`ensemble-021`, a hash such as `1c259cea`) are text. Thousands separators are not
/// read: `41,188` is the numbers 41 and 188 around a comma, each compared on its own, which is
/// never looser than comparing 41188. Everything else, spacing included, must be equal.
public struct NumericTolerance: Sendable, Equatable {
    /// The largest accepted `|a - b| / max(|a|, |b|)`; 0 asks for equal text.
    public var relative: Double

    public init(relative: Double) {
        self.relative = relative
    }

    /// Exact comparison: what `pilot check` does without `--tolerance`.
    public static let exact = NumericTolerance(relative: 0)

    /// Whether `a` and `b` are equal but for numbers within the tolerance.
    public func matches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard relative > 0 else { return false }
        let left = Self.tokens(a), right = Self.tokens(b)
        guard left.count == right.count else { return false }
        for (x, y) in zip(left, right) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return false }
            case (.number(let s, let u), .number(let t, let v)):
                if s == t { continue }
                let scale = max(abs(u), abs(v))
                if !(abs(u - v) <= relative * scale) { return false }
            default:
                return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(String)
        case number(String, Double)
    }

    /// `text` cut into numbers and the text between them.
    static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ at: Int) -> Bool { at >= 0 && at < scalars.count && ("0"..."9").contains(scalars[at]) }
        func isWordy(_ at: Int) -> Bool {
            guard at >= 0, at < scalars.count else { return false }
            let scalar = scalars[at]
            return scalar.properties.isAlphabetic || isDigit(at) || scalar == "_" || scalar == "."
        }
        /// Whether a number may start at `at`: nothing wordy touches it on the left (nor the `-`
        /// before it: `ensemble-021` is a name).
        func mayStart(_ at: Int) -> Bool {
            if isWordy(at - 1) { return false }
            if scalars[at] != "-", at >= 1, scalars[at - 1] == "-", isWordy(at - 2) { return false }
            return true
        }
        var result: [Token] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if mayStart(index), let end = numberEnd(from: index, scalars, isDigit: isDigit), !isWordy(end) {
                if !pending.isEmpty { result.append(.text(String(pending))) }
                pending = String.UnicodeScalarView()
                let literal = String(String.UnicodeScalarView(scalars[index..<end]))
                result.append(Double(literal).map { Token.number(literal, $0) } ?? Token.text(literal))
                index = end
            } else if isWordy(index) {
                // A whole word at once, so digits inside it never start a number.
                while isWordy(index) {
                    pending.append(scalars[index])
                    index += 1
                }
            } else {
                pending.append(scalars[index])
                index += 1
            }
        }
        if !pending.isEmpty { result.append(.text(String(pending))) }
        return result
    }

    /// Where the number starting at `start` ends, or `nil` when none starts there.
    private static func numberEnd(from start: Int, _ scalars: [Unicode.Scalar], isDigit: (Int) -> Bool) -> Int? {
        var at = start
        if scalars[at] == "-" { at += 1 }
        guard isDigit(at) else { return nil }
        while isDigit(at) { at += 1 }
        if at < scalars.count, scalars[at] == ".", isDigit(at + 1) {
            at += 1
            while isDigit(at) { at += 1 }
        }
        if at < scalars.count, scalars[at] == "e" || scalars[at] == "E" {
            var exponent = at + 1
            if exponent < scalars.count, scalars[exponent] == "-" || scalars[exponent] == "+" { exponent += 1 }
            if isDigit(exponent) {
                at = exponent
                while isDigit(at) { at += 1 }
            }
        }
        return at
    }
}
