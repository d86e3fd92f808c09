import Kernel

/// The values the commands take: names of frames, columns, experiments, models, endpoints,
/// files and URLs; characters, counts, seeds and durations.
extension ValueParser where Value == String {
    /// One character (a separator, a quote).
    public static func character(_ placeholder: String = "C") -> ValueParser {
        ValueParser(placeholder: placeholder, kind: .text, expectation: "one character", example: ";") {
            $0.unicodeScalars.count == 1 ? $0 : nil
        }
    }

    public static var frame: ValueParser { reference("FRAME", .frame, "a frame's name", "data") }
    public static var column: ValueParser { reference("COL", .column, "a column", "y") }
    public static var experiment: ValueParser { reference("EXP", .experiment, "an experiment's name", "bank") }
    public static var model: ValueParser { reference("MODEL", .model, "a model (EXP.best or EXP.NAME)", "bank.best") }
    public static var endpoint: ValueParser { reference("ENDPOINT", .endpoint, "an endpoint's name", "bank-ep") }
    public static var path: ValueParser { reference("PATH", .path, "a file's path", "data.csv") }
    public static var url: ValueParser { reference("URL", .url, "a URL", "https://example.com/data.zip") }
    public static var command: ValueParser { reference("CMD", .command, "a command's name", "load") }

    static func reference(
        _ placeholder: String, _ kind: ValueKind, _ expectation: String,
        _ example: String
    ) -> ValueParser {
        ValueParser(placeholder: placeholder, kind: kind, expectation: expectation, example: example) {
            $0.isEmpty ? nil : $0
        }
    }
}

/// A word and whether it was written in double quotes.
struct QuotableWord: Sendable, Equatable {
    var text: String
    var quoted: Bool
}

extension ValueParser where Value == QuotableWord {
    /// A frame's name, or a row of CSV in double quotes.
    static var frameOrRow: ValueParser {
        ValueParser(
            placeholder: "FRAME|\"CSV ROW\"...", kind: .frame, expectation: "a frame or a quoted CSV row",
            example: "test"
        ) { text, quoted in QuotableWord(text: text, quoted: quoted) }
    }
}

extension ValueParser where Value == Int {
    /// A count of rows or things, from 0.
    public static var count: ValueParser { int(in: 0...Int.max) }
    /// A random seed.
    public static var seed: ValueParser { int(in: 0...Int(Int32.max)) }
}

extension ValueParser where Value == Double {
    /// A duration in seconds, written `60s`, `5m`, `1h` or as plain seconds.
    public static var duration: ValueParser {
        ValueParser(placeholder: "DUR", kind: .text, expectation: "a duration such as 90s, 5m or 1h", example: "60s") {
            text in
            let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
            var number = Substring(text)
            var unit = 1.0
            if let last = text.last, let factor = units[last] {
                number = text.dropLast()
                unit = factor
            }
            guard let value = Double(number), value > 0, value.isFinite else { return nil }
            return value * unit
        }
    }
}
