import Export
import Foundation
import TestSupport
import Testing
import Workbook

@Suite("HTML export")
struct HTMLExportTests {
    @Test("the small workbook's page is pinned: prose, outputs, an inline plot, badges, Japanese text")
    func snapshot() throws {
        let html = try ExportFixture.export(ExportFixture.smallPath, to: .html)
        #expect(html == Snapshot.expected(html, named: "small.html"))
    }

    @Test("the page is self-contained: no scripts, no external resources, a policy that forbids both")
    func selfContained() throws {
        for path in [ExportFixture.smallPath, ExportFixture.tutorialPath] {
            let html = try ExportFixture.export(path, to: .html)
            #expect(html.contains("default-src 'none'"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("<link"))
            #expect(!html.contains("src=\"http"))
            #expect(!html.contains("url("))
            #expect(!html.contains("<img"), "plots are inline SVG, not image files")
        }
    }

    @Test("every plot of the tutorial is inlined")
    func tutorialPlots() throws {
        let file = try BookFile(path: ExportFixture.tutorialPath)
        let exporter = BookExporter(workbook: file.workbook, bookPath: ExportFixture.tutorialPath)
        #expect(exporter.missingImages.isEmpty)
        let html = exporter.render(.html)
        let linked = file.workbook.cells.compactMap { file.workbook.output(forCell: $0.id ?? "") }.flatMap(\.imagePaths)
        #expect(linked.count >= 4)
        #expect(html.components(separatedBy: "<figure class=\"plot\"").count - 1 == linked.count)
        #expect(html.components(separatedBy: "<svg ").count - 1 == linked.count)
    }

    @Test("output text is escaped, never markup")
    func escaping() throws {
        let folder = ScratchFolder("export")
        let source = "sh echo hi\n"
        let book = """
        ```pilot id=x
        \(source)```

        <!-- output:begin id=x status=ok src=\(SourceHash.of(source)) -->
        ```text
        <script>alert("x")</script> & <b>bold</b>
        ```
        <!-- output:end -->

        """
        let path = folder.write(book, to: "x.pilotbook")
        let html = try ExportFixture.export(path, to: .html)
        #expect(html.contains("<pre class=\"text\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</pre>"))
        #expect(!html.contains("<script>"))
    }

    @Test("an image link that leaves the asset folder is not read", arguments: [
        "../secret.svg", "x.assets/../secret.svg", "/etc/hostname", "x.assets/.hidden.svg", "x.assets/notes.txt",
    ])
    func imageOutsideAssets(path: String) throws {
        let folder = ScratchFolder("export")
        folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SECRET</title></svg>", to: "secret.svg")
        folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SECRET</title></svg>", to: "x.assets/.hidden.svg")
        folder.write("SECRET", to: "x.assets/notes.txt")
        let source = "hist f c\n"
        let book = """
        ```pilot id=x
        \(source)```

        <!-- output:begin id=x status=ok src=\(SourceHash.of(source)) -->
        ![plot](\(path))
        <!-- output:end -->

        """
        let bookPath = folder.write(book, to: "x.pilotbook")
        let file = try BookFile(path: bookPath)
        let exporter = BookExporter(workbook: file.workbook, bookPath: bookPath)
        #expect(exporter.missingImages == [path])
        let html = exporter.render(.html)
        #expect(!html.contains("SECRET"))
        #expect(html.contains("image not included"))
    }
}
