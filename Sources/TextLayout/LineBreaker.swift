/// Where lines may break in prose that mixes East Asian and Latin script, by the basics of
/// JIS X 4051 (Japanese line composition) and of how browsers treat CJK text.
///
/// - Latin words break only at spaces; East Asian text may break between any two characters.
/// - No line starts with closing punctuation, iteration marks, the long-vowel mark or small
///   kana (`。、」』）〕！？ー ぁぃぅぇぉっゃゅょ` …), and no line ends with an opening bracket
///   (`「『（〔` …): such characters stay with their neighbour (*kinsoku*).
/// - `。` and `、` (and their fullwidth Latin cousins) may hang past the margin rather than carry
///   the character before them over to the next line.
///
/// ```swift
/// let text = Array("もう一度実行しても結果は同じです。")
/// LineBreaker.lines(text, width: 16).map { String(text[$0]) }  // ["もう一度実行して", "も結果は同じです。"]
/// ```
public enum LineBreaker {
    /// The lines `text` breaks into, as ranges of indices into `text`, each at most `width`
    /// terminal cells wide (plus hanging punctuation; a Latin word longer than a line overflows
    /// it). The spaces a break falls on belong to no line.
    ///
    /// - Parameters:
    ///   - laterWidth: the width of the lines after the first (a hanging indent makes it smaller).
    ///   - unbreakable: whether a break before the character at an index is forbidden besides the
    ///     rules above (inside a `code span`, say).
    public static func lines(
        _ text: [Character], width: Int, laterWidth: Int? = nil, unbreakable: (Int) -> Bool = { _ in false }
    ) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        /// The last place this line may end: where it ends and where the next one starts.
        var lastBreak: (end: Int, next: Int)?
        var index = start
        while index < text.count {
            if index > start, let chance = breakBefore(index, in: text, unbreakable: unbreakable), chance.end > start {
                lastBreak = chance
            }
            let character = text[index]
            let cells = character == " " ? 1 : DisplayWidth.of(String(character))
            let limit = lines.isEmpty ? width : (laterWidth ?? width)
            if character != " ", used + cells > limit, !mayHang(character), let chance = lastBreak {
                lines.append(start..<chance.end)
                (start, index, used, lastBreak) = (chance.next, chance.next, 0, nil)
                continue
            }
            used += cells
            index += 1
        }
        lines.append(start..<text.count)
        return lines
    }

    /// Where a line may end before `index`: after the spaces before it are dropped, or right
    /// there between two characters. Nil when no break is allowed.
    static func breakBefore(
        _ index: Int, in text: [Character], unbreakable: (Int) -> Bool
    ) -> (end: Int, next: Int)? {
        let character = text[index]
        guard character != " ", !unbreakable(index), !mayNotStartLine(character) else { return nil }
        var end = index
        while end > 0, text[end - 1] == " " { end -= 1 }
        guard end > 0, !mayNotEndLine(text[end - 1]) else { return nil }
        // Between two characters without a space, only East Asian text may break.
        guard end < index || isEastAsian(text[end - 1]) || isEastAsian(character) else { return nil }
        return (end, index)
    }

    /// Whether two lines of prose, one ending in `last` and the next starting with `first`, join
    /// without a space: East Asian text has no spaces between words, so a soft line break inside
    /// it is no space at all.
    public static func joinsWithoutSpace(_ last: Character, _ first: Character) -> Bool {
        isEastAsian(last) && isEastAsian(first)
    }

    /// Wide characters (ideographs, kana, Hangul, fullwidth forms) and CJK punctuation.
    public static func isEastAsian(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x1100 else { return false }
        return (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
            || DisplayWidth.of(scalar) == 2
    }

    /// Characters no line may start with: closing brackets and punctuation, iteration marks,
    /// the long-vowel mark and small kana, and their Latin cousins.
    public static func mayNotStartLine(_ character: Character) -> Bool {
        noStart.contains(character)
    }

    /// Characters no line may end with: opening brackets.
    public static func mayNotEndLine(_ character: Character) -> Bool {
        noEnd.contains(character)
    }

    /// Full stops and commas, which may hang past the margin.
    public static func mayHang(_ character: Character) -> Bool {
        "。、，．,.".contains(character)
    }

    private static let noStart = Set(
        "、。，．・：；？！‼⁇⁈⁉゛゜ヽヾゝゞ々〻ー〜～ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
            + "」』）〕］｝〉》】〙〗｠〟’”»‐゠–)]},.:;!?%")

    private static let noEnd = Set("「『（〔［｛〈《【〘〖｟〝‘“«([{")
}
