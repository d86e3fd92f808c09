/// Reads one field's text the way ``CSVReader`` reads a cell, for values that arrive one at a
/// time (an endpoint's request rows): pandas' missing markers, numbers, booleans.
///
/// ```swift
/// FieldText.isMissing("NA")      // true
/// FieldText.number(" 1.5e3 ")    // 1500
/// FieldText.boolean("TRUE")      // true
/// ```
public enum FieldText {
    private static let missing = MissingMatcher(extra: [])

    /// Whether `text` is empty or one of the markers pandas reads as missing (`NA`, `null`, `NaN`...).
    public static func isMissing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.isEmpty || missing.matches(bytes.baseAddress!, bytes.count) }
    }

    /// The number `text` spells (leading and trailing spaces allowed), or nil.
    public static func number(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in bytes.isEmpty ? nil : NumberParser.double(bytes.baseAddress!, bytes.count) }
    }

    /// `true` or `false` in the spellings the reader takes as booleans (`true`, `True`, `TRUE`...), or nil.
    public static func boolean(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes in bytes.isEmpty ? nil : NumberParser.bool(bytes.baseAddress!, bytes.count) }
    }
}
