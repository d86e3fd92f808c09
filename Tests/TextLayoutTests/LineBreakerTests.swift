import PropertyBased
import Testing

@testable import TextLayout

@Suite("Line breaking for East Asian and Latin prose")
struct LineBreakerTests {
    func lines(_ text: String, _ width: Int, later: Int? = nil) -> [String] {
        let characters = Array(text)
        return LineBreaker.lines(characters, width: width, laterWidth: later).map { String(characters[$0]) }
    }

    @Test("Latin words break at spaces, and the spaces go")
    func latin() {
        #expect(lines("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
        #expect(lines("a verylongwordthatoverflows b", 8) == ["a", "verylongwordthatoverflows", "b"])
    }

    @Test("Japanese breaks between any two characters")
    func japanese() {
        #expect(lines("もう一度実行しても結果は同じです", 16) == ["もう一度実行して", "も結果は同じです"])
        #expect(lines("日本語のテキスト", 8) == ["日本語の", "テキスト"])
    }

    @Test("no line starts with 。、」 or small kana, and no line ends with 「")
    func kinsoku() {
        // 。 hangs past the margin rather than start a line.
        #expect(lines("あいうえ。かき", 8) == ["あいうえ。", "かき"])
        // 」 is not hangable: the character before it goes with it.
        #expect(lines("あいう「え」かき", 10) == ["あいう", "「え」かき"])
        #expect(lines("あいうえ」かき", 8) == ["あいう", "え」かき"])
        // A small kana stays with the kana before it.
        #expect(lines("あいうきょう", 8) == ["あいう", "きょう"])
        // An opening bracket goes down with what it opens.
        #expect(lines("あいう「えお」", 8) == ["あいう", "「えお」"])
        // The long-vowel mark never starts a line.
        #expect(lines("あいうデータ", 8) == ["あいう", "データ"])
    }

    @Test("mixed text: a Latin word between Japanese characters is kept whole")
    func mixed() {
        #expect(lines("これはpilotの説明です", 12) == ["これはpilot", "の説明です"])
        #expect(lines("`pilot run` で実行", 12) == ["`pilot run`", "で実行"])
    }

    @Test("later lines may be narrower (a hanging indent)")
    func hanging() {
        #expect(lines("one two three four", 9, later: 5) == ["one two", "three", "four"])
    }

    @Test("soft line breaks inside East Asian text join without a space")
    func joining() {
        #expect(LineBreaker.joinsWithoutSpace("一", "度"))
        #expect(LineBreaker.joinsWithoutSpace("。", "次"))
        #expect(!LineBreaker.joinsWithoutSpace("a", "度"))
        #expect(!LineBreaker.joinsWithoutSpace("一", "b"))
    }

    static let pieces = Gen.element(of: [
        "日本語", "の", "テキスト", "です", "。", "、", "「", "」", "（", "）", "ー", "っ", "ょ", "ゃ", "！", "？",
        "pilot", " ", "run", "seed=7", "データ", "ワークブック", "々", "・",
    ])

    @Test("for random CJK and Latin paragraphs, no line starts or ends with a forbidden character")
    func property() async {
        await propertyCheck(
            count: 300, input: Self.pieces.array(of: 1...40), Gen.int(in: 6...40)
        ) { pieces, width in
            let text = Array(pieces.compactMap { $0 }.joined())
            let ranges = LineBreaker.lines(text, width: width)
            #expect(ranges.map(\.count).reduce(0, +) <= text.count)
            for (number, range) in ranges.enumerated() where !range.isEmpty {
                let line = text[range]
                if number > 0, let first = line.first {
                    #expect(!LineBreaker.mayNotStartLine(first), "line \(number) of \(String(text)) at \(width)")
                }
                if number < ranges.count - 1, let last = line.last {
                    #expect(!LineBreaker.mayNotEndLine(last), "line \(number) of \(String(text)) at \(width)")
                }
            }
        }
    }
}
