import Export
import Foundation
import TestSupport
import Testing

@Suite("Markdown export")
struct MarkdownExportTests {
    @Test("the small workbook as plain Markdown is pinned: no output markers, text fences, image links")
    func snapshot() throws {
        let markdown = try ExportFixture.export(ExportFixture.smallPath, to: .md)
        #expect(markdown == Snapshot.expected(markdown, named: "small.md"))
        #expect(!markdown.contains("<!-- output:"))
        #expect(!markdown.contains("pilotbook v1"))
    }

    @Test("image links reach the asset folder from wherever the file is written", arguments: [
        ("/w/books/a.md", "/w/books/a.pilotbook", ""),
        ("/w/out/a.md", "/w/books/a.pilotbook", "../books/"),
        ("/w/a.md", "/w/books/a.pilotbook", "books/"),
        ("/w/books/html/deep/a.md", "/w/books/a.pilotbook", "../../"),
    ])
    func relativeLinks(output: String, book: String, prefix: String) throws {
        #expect(RelativePath.prefix(from: output, to: book) == prefix)
    }

    @Test("a prefix is put before every image link")
    func prefixedLinks() throws {
        let markdown = try ExportFixture.export(ExportFixture.smallPath, to: .md, imagePrefix: "../Fixtures/")
        #expect(markdown.contains("](../Fixtures/small.assets/4d8afb6bc06e6ed8.svg)"))
    }
}
