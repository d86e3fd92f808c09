import Testing
@testable import Workbook

@Suite("Parse errors: one line with line:column, the line and a caret, and a hint")
struct ParseErrorTests {
    func error(_ text: String) -> WorkbookError? {
        error(Array(text.utf8))
    }

    func error(_ bytes: [UInt8]) -> WorkbookError? {
        do {
            _ = try Workbook(parsing: bytes)
            return nil
        } catch {
            return error.about("book.pilotbook")
        }
    }

    @Test("an unclosed cell fence")
    func unclosedFence() {
        #expect(error("# T\n\n```pilot id=load\nload x.csv\n")?.rendered == """
        error: book.pilotbook:3:1: the ```pilot fence opened here is never closed
          ```pilot id=load
          ^
        hint: add a line with ``` after the block's last line
        """)
    }

    @Test("an unclosed prose fence, indented")
    func unclosedProseFence() {
        #expect(error("  ~~~~python\nprint(1)\n~~~\n")?.rendered == """
        error: book.pilotbook:1:3: the ~~~~python fence opened here is never closed
            ~~~~python
            ^
        hint: add a line with ~~~~ after the block's last line
        """)
    }

    @Test("an unclosed output region")
    func unclosedOutput() {
        let text = "```pilot id=a\nhelp\n```\n\n<!-- output:begin id=a status=ok src=1 -->\n```text\nx\n```\n"
        #expect(error(text)?.rendered == """
        error: book.pilotbook:5:1: output region 'a' is never closed
          <!-- output:begin id=a status=ok src=1 -->
          ^
        hint: add <!-- output:end --> after it, or delete it and run the cell again
        """)
    }

    @Test("an output region with no cell above it")
    func orphanOutput() {
        let text = "# T\n\n<!-- output:begin id=a status=ok src=1 -->\n<!-- output:end -->\n"
        #expect(error(text)?.code == .orphanOutput)
        #expect(error(text)?.rendered.hasPrefix("error: book.pilotbook:3:1: this output region does not follow a cell") == true)
    }

    @Test("an output region separated from its cell by prose")
    func separatedOutput() {
        let text = "```pilot id=a\nhelp\n```\ntext\n<!-- output:begin id=a status=ok src=1 -->\n<!-- output:end -->\n"
        #expect(error(text)?.location?.line == 5)
        #expect(error(text)?.code == .orphanOutput)
    }

    @Test("an output region under another cell")
    func mismatchedOutput() {
        let text = "```pilot id=a\nhelp\n```\n<!-- output:begin id=b status=ok src=1 -->\n<!-- output:end -->\n"
        #expect(error(text)?.message == "output region 'b' does not belong here: the cell above it is 'a'")
    }

    @Test("a stray output:end")
    func strayEnd() {
        #expect(error("a\n<!-- output:end -->\n")?.location?.line == 2)
    }

    @Test("duplicate ids point at the second one")
    func duplicateIDs() {
        let text = "```pilot id=load\nhelp\n```\n\n```pilot  id=load\nvars\n```\n"
        #expect(error(text)?.rendered == """
        error: book.pilotbook:5:11: duplicate cell id 'load' (first used on line 1)
          ```pilot  id=load
                    ^
        hint: give this cell another id, or remove 'id=load' to have one generated
        """)
    }

    @Test("an invalid id")
    func invalidID() {
        #expect(error("```pilot id=a/b\nhelp\n```\n")?.code == .invalidID)
    }

    @Test("a Latin-1 byte, with the column counted in characters")
    func latin1() {
        var bytes = Array("# Überblick\n\n日本 caf".utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes += Array(" x\n".utf8)
        #expect(error(bytes)?.rendered == """
        error: book.pilotbook:3:7: byte 0xE9 is not UTF-8 text
          日本 caf\u{FFFD} x
                  ^
        hint: save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)
        """)
    }

    @Test("overlong and surrogate encodings are not UTF-8", arguments: [
        [0xC0, 0x80] as [UInt8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
    ])
    func invalidSequences(bytes: [UInt8]) {
        #expect(error(Array("ok\n".utf8) + bytes)?.code == .invalidUTF8)
    }

    @Test("an unclosed HTML comment would hide the rest, so it is an error")
    func unclosedComment() {
        #expect(error("a\n<!-- TODO\n```pilot id=a\nhelp\n```\n")?.code == .unclosedComment)
    }

    @Test("a newer format version")
    func newerVersion() {
        #expect(error("<!-- pilotbook v2 -->\n")?.message == "this workbook is format v2; this pilot reads v1")
    }
}
