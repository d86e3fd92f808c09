import Testing
import TextLayout

@Suite("Display width")
struct DisplayWidthTests {
    @Test("counts cells the way a terminal draws them", arguments: [
        ("age", 3),
        ("", 0),
        ("年齢", 4),
        ("ｱｲｳ", 3),  // halfwidth katakana stay narrow
        ("Ｆｕｌｌ", 8),  // fullwidth Latin is wide
        ("한국어", 6),
        ("e\u{301}", 1),  // e + combining acute
        ("👍", 2),
        ("👩‍💻", 2),  // ZWJ sequence is one glyph
        ("a\tb", 2),  // control characters take no cell
        ("預金 yes", 8),
    ])
    func width(text: String, cells: Int) {
        #expect(text.displayWidth == cells)
    }

    @Test("pads and truncates by cells, never splitting a wide character")
    func padAndTruncate() {
        #expect("年齢".padded(to: 6) == "年齢  ")
        #expect("42".leftPadded(to: 5) == "   42")
        #expect("bank-additional-full".truncated(to: 8) == "bank-ad…")
        #expect("日本語のテキスト".truncated(to: 6) == "日本…")
        #expect("日本語のテキスト".truncated(to: 5) == "日本…")
        #expect("short".truncated(to: 10) == "short")
    }

    @Test("builds a caret indent that lines up under wide characters and tabs")
    func caretIndent() {
        #expect("\tload 年齢 x".caretIndent(upTo: 8) == "\t     " + "    ")
    }
}

@Suite("Wrapping")
struct WrapTests {
    @Test("wraps at word boundaries, keeping leading spaces and adding the indent")
    func wrap() {
        #expect("one two three four".wrapped(to: 9) == "one two\nthree\nfour")
        #expect("  seed  random seed for splits".wrapped(to: 16, indent: "  ") == "  seed  random\n    seed for\n    splits")
        #expect("a\n\nb".wrapped(to: 5) == "a\n\nb")
        #expect("supercalifragilistic x".wrapped(to: 5) == "supercalifragilistic\nx")
        #expect("日本語 の テキスト".wrapped(to: 9) == "日本語 の\nテキスト")
    }
}
