import Testing
@testable import Workbook

@Suite("Editing: ids, outputs, stale detection")
struct EditingTests {
    @Test("missing ids are made from the first command, unique in the file")
    func generatedIDs() throws {
        var book = try Workbook(parsing: """
        ```pilot
        # a comment first
        load a.csv
        ```
        ```pilot id=load
        help
        ```
        ```pilot
        load b.csv
        ```
        ```pilot
        ```
        ```pilot
        日本語
        ```

        """)
        #expect(book.assignMissingIDs() == ["load-2", "load-3", "cell", "日本語"])
        #expect(book.text.hasPrefix("```pilot id=load-2\n# a comment first\n"))
        #expect(book.cells.map(\.id) == ["load-2", "load", "load-3", "cell", "日本語"])
    }

    @Test("an id is written right after 'pilot', keeping the rest of the info string")
    func idPlacement() throws {
        var book = try Workbook(parsing: "~~~~pilot  timeout=5\nhelp\n~~~~\n")
        book.assignMissingIDs()
        #expect(book.text == "~~~~pilot id=help  timeout=5\nhelp\n~~~~\n")
    }

    @Test("a new output goes under its cell after one blank line; a second run replaces it in place")
    func setOutput() throws {
        var book = try Workbook(parsing: "```pilot id=a\nhelp\n```\nNext paragraph.\n")
        let cell = try #require(book.cell(withID: "a"))
        book.setOutput(OutputRegion(cellID: "a", status: .ok, sourceHash: cell.sourceHash, items: [.text("one")]))
        #expect(book.text == """
        ```pilot id=a
        help
        ```

        <!-- output:begin id=a status=ok src=\(cell.sourceHash) -->
        ```text
        one
        ```
        <!-- output:end -->
        Next paragraph.

        """)
        book.setOutput(OutputRegion(cellID: "a", status: .error, sourceHash: "x", items: [
            .text("has ``` inside\n"), .image(path: "b.assets/1.svg", alt: "a [plot]"),
        ]))
        #expect(book.text == """
        ```pilot id=a
        help
        ```

        <!-- output:begin id=a status=error src=x -->
        ````text
        has ``` inside
        ````

        ![a \\[plot\\]](b.assets/1.svg)
        <!-- output:end -->
        Next paragraph.

        """)
        let reparsed = try Workbook(parsing: book.text)
        #expect(reparsed.output(forCell: "a")?.items == [.text("has ``` inside\n"), .image(path: "b.assets/1.svg", alt: "a [plot]")])
    }

    @Test("outputs in a CRLF file use CRLF")
    func crlfOutput() throws {
        var book = try Workbook(parsing: "```pilot id=a\r\nhelp\r\n```")
        book.setOutput(OutputRegion(cellID: "a", status: .ok, sourceHash: "1", items: [.text("x\n")], lineEnding: book.lineEnding))
        #expect(book.text == "```pilot id=a\r\nhelp\r\n```\r\n\r\n<!-- output:begin id=a status=ok src=1 -->\r\n```text\r\nx\r\n```\r\n<!-- output:end -->\r\n")
    }

    @Test("an output is stale once its cell's source changes, whatever the line endings")
    func stale() throws {
        var book = try Workbook(parsing: "```pilot id=a\r\nhelp\r\n```\r\n")
        let hash = try #require(book.cell(withID: "a")).sourceHash
        #expect(hash == SourceHash.of("help\n"))
        book.setOutput(OutputRegion(cellID: "a", status: .ok, sourceHash: hash, items: []))
        let output = try #require(book.output(forCell: "a"))
        #expect(!output.isStale(for: book.cell(withID: "a")!))
        book.setSource("help vars\n", ofCell: "a")
        #expect(output.isStale(for: book.cell(withID: "a")!))
    }

    @Test("strip removes every region and the blank lines before it")
    func strip() throws {
        let original = "# T\n\n```pilot id=a\nhelp\n```\n\nafter\n"
        var book = try Workbook(parsing: original)
        book.setOutput(OutputRegion(cellID: "a", status: .ok, sourceHash: "1", items: [.text("x")]))
        #expect(book.text != original)
        book.stripOutputs()
        #expect(book.text == original)
        #expect(book.blocks.count == 3)
    }

    @Test("a cell can be inserted after another, after its output")
    func insert() throws {
        var book = try Workbook(parsing: "```pilot id=a\nhelp\n```\n\n<!-- output:begin id=a status=ok src=1 -->\n<!-- output:end -->")
        book.insert(Cell(id: "b", source: "vars"), after: "a")
        #expect(book.text.hasSuffix("<!-- output:end -->\n\n```pilot id=b\nvars\n```\n"))
        #expect(try Workbook(parsing: book.text).cells.map(\.id) == ["a", "b"])
    }
}
