import PropertyBased
import Testing
@testable import Workbook

@Suite("Round trip: parse then write is the identity")
struct RoundTripTests {
    static let examples: [(String, String)] = [
        ("the design's example", Fixtures.tutorial),
        ("empty file", ""),
        ("one line, no newline", "# title"),
        ("missing final newline after a cell", "```pilot id=a\nhelp\n```"),
        ("CRLF everywhere", "<!-- pilotbook v1 -->\r\n# T\r\n\r\n```pilot id=a\r\nhelp\r\n```\r\n\r\n<!-- output:begin id=a status=ok src=1 -->\r\n```text\r\nx\r\n```\r\n<!-- output:end -->\r\n"),
        ("mixed line endings", "a\r\nb\nc\r\n```pilot\r\nvars\n```\n"),
        ("a byte order mark", "\u{FEFF}# title\n\n```pilot\nhelp\n```\n"),
        ("tabs", "\t# indented\n```pilot id=t\n\tset\tseed=1\n```\n"),
        ("CJK prose and cells", "# 手順 3: データのダウンロード\n\n```pilot id=読み込み\n# 日本語のコメント\nhelp\n```\n"),
        ("other fenced blocks", "```python\nprint(1)\n```\n~~~\n```pilot\nnot a cell\n~~~\n````markdown\n```pilot\nnested\n```\n````\n"),
        ("HTML comments, one line and several", "<!-- note -->\n<!--\n```pilot\ncommented out\n```\n-->\ntext\n"),
        ("backticks inside outputs", "```pilot id=x\nhelp\n```\n\n<!-- output:begin id=x status=ok src=abcd1234 -->\n````text\n```pilot\ninside\n```\n<!-- output:end -->\n````\n<!-- output:end -->\n"),
        ("an image in an output", "```pilot id=h\nhist data age\n```\n\n<!-- output:begin id=h status=ok src=0 -->\n```text\nx\n```\n\n![histogram of age](book.assets/0123.svg)\n<!-- output:end -->\n"),
        ("indented fence is not a cell", "   ```pilot\n   help\n   ```\n"),
        ("trailing spaces and blank lines", "a   \n\n\n```pilot   \nhelp  \n```   \n\n\n"),
        ("output region at end without newline", "```pilot id=a\nhelp\n```\n<!-- output:begin id=a status=error src=1 -->\n<!-- output:end -->"),
    ]

    @Test("on hand-written inputs", arguments: examples)
    func handWritten(name: String, text: String) throws {
        let bytes = Array(text.utf8)
        let book = try Workbook(parsing: bytes)
        #expect(book.bytes == bytes, "\(name)")
    }

    @Test("keeps a byte order mark and reports it")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("```pilot\nhelp\n```\n".utf8)
        let book = try Workbook(parsing: bytes)
        #expect(book.hasByteOrderMark)
        #expect(book.cells.count == 1)
        #expect(book.bytes == bytes)
    }

    @Test("on generated workbooks")
    func generated() async {
        await propertyCheck(count: 400, input: WorkbookGenerator.workbook) { text in
            let bytes = Array(text.utf8)
            guard let book = try? Workbook(parsing: bytes) else {
                Issue.record("generated workbook failed to parse:\n\(text)")
                return
            }
            #expect(book.bytes == bytes)
        }
    }

    @Test("on generated arbitrary Markdown-ish text: either a parse error or the identity")
    func arbitrary() async {
        await propertyCheck(count: 600, input: WorkbookGenerator.noise) { text in
            let bytes = Array(text.utf8)
            if let book = try? Workbook(parsing: bytes) {
                #expect(book.bytes == bytes)
            }
        }
    }

    @Test("running edits only the output regions: strip after setOutput gives the input back")
    func stripUndoesSetOutput() async {
        await propertyCheck(count: 200, input: WorkbookGenerator.workbookWithoutOutputs) { text in
            guard var book = try? Workbook(parsing: text) else {
                Issue.record("failed to parse:\n\(text)")
                return
            }
            book.assignMissingIDs()
            let withIDs = book.bytes
            for cell in book.cells {
                book.setOutput(OutputRegion(cellID: cell.id!, status: .ok, sourceHash: cell.sourceHash,
                                            items: [.text("out ```` put\n")], lineEnding: book.lineEnding))
            }
            let reparsed = try? Workbook(parsing: book.bytes)
            #expect(reparsed?.bytes == book.bytes)
            #expect(reparsed?.cells.allSatisfy { reparsed?.output(forCell: $0.id!) != nil } == true)
            book.stripOutputs()
            let stripped = book.bytes
            let endsWithNewline = withIDs.last == 0x0A || withIDs.isEmpty
            if endsWithNewline || book.cells.isEmpty {
                #expect(stripped == withIDs)
            }
        }
    }
}
