/// Inline Markdown read for a terminal: code spans, emphasis, strong emphasis and links become
/// styled characters without their markers.
///
/// ```swift
/// InlineMarkdown.parse("run `pilot` *now*")  // "run pilot now", with code and emphasis styles
/// ```
enum InlineMarkdown {
    /// How a character is shown.
    struct Style: OptionSet, Hashable {
        let rawValue: UInt8
        static let code = Style(rawValue: 1)
        static let emphasis = Style(rawValue: 2)
        static let strong = Style(rawValue: 4)
        /// A link's text.
        static let link = Style(rawValue: 8)
        /// A link's address, shown after its text.
        static let address = Style(rawValue: 16)

        /// The terminal's escape sequence that turns this style on (after a reset).
        var escape: String {
            var codes: [String] = []
            if contains(.strong) { codes.append("1") }
            if contains(.address) { codes.append("2") }
            if contains(.emphasis) { codes.append("3") }
            if contains(.link) { codes.append("4") }
            if contains(.code) { codes.append("36") }
            return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
        }
    }

    /// A character and its style.
    struct Styled: Equatable {
        var character: Character
        var style: Style
    }

    /// The characters of `text` with their styles, the markers removed.
    static func parse(_ text: String) -> [Styled] {
        var output: [Styled] = []
        parse(Array(text), style: [], into: &output)
        return output
    }

    private static func parse(_ text: [Character], style: Style, into output: inout [Styled]) {
        var index = 0
        func emit(_ characters: some Sequence<Character>, _ style: Style) {
            output.append(contentsOf: characters.map { Styled(character: $0, style: style) })
        }
        while index < text.count {
            let character = text[index]
            if character == "\\", index + 1 < text.count, text[index + 1].isPunctuation || text[index + 1].isSymbol {
                emit([text[index + 1]], style)
                index += 2
                continue
            }
            if character == "`", let (inner, end) = codeSpan(text, at: index) {
                emit(inner, style.union(.code))
                index = end
                continue
            }
            if character == "[", let (label, address, end) = link(text, at: index) {
                parse(label, style: style.union(.link), into: &output)
                if String(label) != address { emit(" (" + address + ")", style.union(.address)) }
                index = end
                continue
            }
            if character == "<", let close = text[index...].firstIndex(of: ">"),
                text[(index + 1)..<close].starts(with: "http")
            {
                emit(text[(index + 1)..<close], style.union(.address))
                index = close + 1
                continue
            }
            if character == "*" || character == "_", let (inner, emphasis, end) = emphasis(text, at: index) {
                parse(inner, style: style.union(emphasis), into: &output)
                index = end
                continue
            }
            emit([character], style)
            index += 1
        }
    }

    /// A code span opening at `index`: its text (one space at each end trimmed when both are
    /// there) and the index after it.
    private static func codeSpan(_ text: [Character], at index: Int) -> ([Character], Int)? {
        let run = text[index...].prefix { $0 == "`" }.count
        var search = index + run
        while search < text.count {
            guard text[search] == "`" else {
                search += 1
                continue
            }
            let closing = text[search...].prefix { $0 == "`" }.count
            if closing == run {
                var inner = Array(text[(index + run)..<search])
                if inner.count > 2, inner.first == " ", inner.last == " " {
                    inner = Array(inner.dropFirst().dropLast())
                }
                return (inner, search + run)
            }
            search += closing
        }
        return nil
    }

    /// `[text](address)` at `index`.
    private static func link(_ text: [Character], at index: Int) -> ([Character], String, Int)? {
        guard let close = text[index...].firstIndex(of: "]"), close + 1 < text.count, text[close + 1] == "(",
            let end = text[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        return (Array(text[(index + 1)..<close]), String(text[(close + 2)..<end]), end + 1)
    }

    /// `*text*`, `_text_`, `**text**` or `__text__` at `index`, by CommonMark's basic rules: the
    /// opening marker is followed by a non-space, the closing one preceded by one, and `_` does
    /// not open or close inside a word (`max_candidates` stays as it is).
    private static func emphasis(_ text: [Character], at index: Int) -> ([Character], Style, Int)? {
        let marker = text[index]
        let run = min(2, text[index...].prefix { $0 == marker }.count)
        let open = index + run
        guard open < text.count, text[open] != " " else { return nil }
        if marker == "_", index > 0, text[index - 1].isLetter || text[index - 1].isNumber { return nil }
        var search = open + 1
        while search + run <= text.count {
            let closes =
                text[search..<(search + run)].allSatisfy { $0 == marker } && text[search - 1] != " "
                && (search + run == text.count || text[search + run] != marker)
                && (marker == "*" || search + run == text.count
                    || !(text[search + run].isLetter || text[search + run].isNumber))
            if closes {
                return (Array(text[open..<search]), run == 2 ? .strong : .emphasis, search + run)
            }
            if text[search] == "`", let (_, end) = codeSpan(text, at: search) {
                search = end
                continue
            }
            search += 1
        }
        return nil
    }
}
