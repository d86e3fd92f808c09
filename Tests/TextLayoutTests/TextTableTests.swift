import Testing
import TextLayout

@Suite("Tables")
struct TextTableTests {
    @Test("right-aligns numbers and aligns Japanese text by display width")
    func japanese() {
        let table = TextTable(
            columns: [.init("列"), .init("件数", alignment: .right)],
            rows: [["はい", "4640"], ["いいえ", "36548"]]
        )
        #expect(table.render() == """
        ┌────────┬───────┐
        │ 列     │ 件数  │
        ├────────┼───────┤
        │ はい   │  4640 │
        │ いいえ │ 36548 │
        └────────┴───────┘
        """)
    }

    @Test("cuts the widest column to fit the width, marking the cut")
    func fitsWidth() {
        let table = TextTable(columns: [.init("name"), .init("value")],
                              rows: [["path", String(repeating: "x", count: 60)]])
        let rendered = table.render(maxWidth: 30)
        for line in rendered.split(separator: "\n") {
            #expect(line.displayWidth <= 30)
        }
        #expect(rendered.contains("xxx…"))
    }
}
