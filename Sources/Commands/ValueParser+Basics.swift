import Kernel

/// The common kinds of values: text, names, numbers, yes/no, lists and choices.
extension ValueParser where Value == String {
    /// Any word, shown as `placeholder`.
    public static func text(_ placeholder: String, _ expectation: String = "a value") -> ValueParser {
        ValueParser(placeholder: placeholder, kind: .text, expectation: expectation, example: "x") { $0 }
    }

    /// A name for something new: letters, digits, `_` and `-`, not starting with a digit.
    public static var name: ValueParser {
        ValueParser(
            placeholder: "NAME", kind: .newName, expectation: "a valid name", example: "data",
            advice: "use letters, digits, '_' and '-', starting with a letter (e.g. data, train_2)"
        ) { text in
            isName(text) ? text : nil
        }
    }

    /// Whether `text` is a valid name for a frame, an experiment or an endpoint.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

extension ValueParser where Value == Int {
    /// A whole number within `range`.
    public static func int(in range: ClosedRange<Int>, _ placeholder: String = "N") -> ValueParser {
        let upper = range.upperBound == Int.max ? "up" : "to \(range.upperBound)"
        return ValueParser(
            placeholder: placeholder, kind: .text,
            expectation: "a whole number from \(range.lowerBound) \(upper)",
            example: String(max(range.lowerBound, min(range.upperBound, 10)))
        ) { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

}

extension ValueParser where Value == Double {
    /// A number within `range`.
    public static func number(
        in range: ClosedRange<Double>, _ placeholder: String = "X",
        example: String
    ) -> ValueParser {
        ValueParser(
            placeholder: placeholder, kind: .text,
            expectation: "a number from \(format(range.lowerBound)) to \(format(range.upperBound))",
            example: example
        ) { text in
            Double(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension ValueParser where Value == Bool {
    /// `yes` or `no` (also true/false, on/off, 1/0).
    public static var flag: ValueParser {
        ValueParser(placeholder: "yes|no", kind: .choice(["yes", "no"]), expectation: "yes or no", example: "yes") {
            switch $0.lowercased() {
            case "yes", "true", "1", "on": true
            case "no", "false", "0", "off": false
            default: nil
            }
        }
    }
}

extension ValueParser where Value == [String] {
    /// A comma-separated list of what `element` reads (`COL,...`).
    public static func list(of element: ValueParser<String>) -> ValueParser {
        let kind: ValueKind = element.kind == .column ? .columns : element.kind
        return ValueParser(
            placeholder: element.placeholder + ",...", kind: kind,
            expectation: "a comma-separated list of \(element.placeholder)",
            example: element.example
        ) { text in
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let values = items.compactMap { element.parse($0) }
            return values.count == items.count && !items.isEmpty ? values : nil
        }
    }
}

extension ValueParser where Value: Sendable {
    /// One of a fixed set of words (case is ignored), e.g. a Swift enum's cases.
    public static func choice(_ choices: [(word: String, value: Value)], placeholder: String? = nil) -> ValueParser {
        let words = choices.map(\.word)
        let table = choices
        return ValueParser(
            placeholder: placeholder ?? words.joined(separator: "|"), kind: .choice(words),
            expectation: "one of " + words.joined(separator: ", "), example: words[0]
        ) { text in
            table.first { $0.word.lowercased() == text.lowercased() }?.value
        }
    }
}

extension ValueParser where Value: CaseIterable & RawRepresentable & Sendable, Value.RawValue == String {
    /// One of the enum's cases, by raw value.
    public static func choice(_ type: Value.Type = Value.self, placeholder: String? = nil) -> ValueParser {
        .choice(Value.allCases.map { ($0.rawValue, $0) }, placeholder: placeholder)
    }
}
