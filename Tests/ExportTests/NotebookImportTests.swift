import Export
import Foundation
import PropertyBased
import TestSupport
import Testing
import Workbook

/// `pilot import`: notebooks back to workbooks.
@Suite("Importing notebooks")
struct NotebookImportTests {
    static let prose = [
        "Some prose.", "# A heading\n\nA paragraph\nthat wraps at the margin.", "- a list\n- of items",
        "Text with `code` and a fence:\n\n```sh\necho hi\n```", "日本語の説明です。", "| a | b |\n|---|---|\n| 1 | 2 |",
    ]
    static let sources = [
        "load data.csv as data\n", "head data\ndescribe data\n", "sh echo \"```\"\n", "autopilot data target=y\n",
        "# a comment\ncounts data y\n",
    ]
    /// What a generated output holds: text, a diagnostic, a plot (stored in the asset folder first;
    /// ending in one newline, as the SVG files pilot draws do).
    enum Item: Sendable {
        case text(String), error(String), plot(Int)
    }
    static let outputs: [[Item]] = [
        [], [.text("data: 3 rows\n")], [.text("┌─┐\n│a│\n└─┘\n"), .plot(0), .text("second\n")],
        [.text("a ``` fence\n"), .error("error: no column named 'x'\nhint: did you mean 'y'?\n")],
        [.plot(1)], [.error("error: interrupted\nhint: run the cell again to finish it\n")],
    ]
    static let plots = [
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"4\" height=\"4\"/></svg>\n",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"5\">\n<text>a &amp; b</text>\n</svg>\n",
    ]

    /// One piece of a generated workbook: prose before (or none), a cell (or none), its output
    /// (or none: not run), the status, and whether the cell changed since.
    typealias Piece = (prose: Int, source: Int, output: Int, status: Int, stale: Bool)

    static let pieces = PropertyBased.zip(
        Gen.int(in: -1..<prose.count), Gen.int(in: -1..<sources.count), Gen.int(in: -1..<outputs.count),
        Gen.int(in: 0...2), Gen.bool(0.2)
    ).map { value -> Piece in (value.0, value.1, value.2, value.3, value.4) }.array(of: 0...8)

    /// A workbook laid out as pilot writes one, its plots stored beside `bookPath`.
    static func workbook(_ pieces: [Piece], bookPath: String) throws -> Workbook {
        let assets = AssetFolder(bookPath: bookPath)
        var book = Workbook()
        for (index, piece) in pieces.enumerated() {
            if piece.prose >= 0 { book.append(prose: "\n" + prose[piece.prose] + "\n") }
            guard piece.source >= 0 else { continue }
            let cell = Cell(id: "c\(index)", source: sources[piece.source])
            book.insert(cell, after: nil)
            guard piece.output >= 0 else { continue }
            var items: [OutputItem] = []
            for item in outputs[piece.output] {
                switch item {
                case .text(let text): items.append(.text(text))
                case .error(let text): items.append(.error(text))
                case .plot(let number):
                    items.append(.image(path: try assets.store(svg: plots[number]), alt: "plot \(number)"))
                }
            }
            let failed = items.contains { if case .error = $0 { true } else { false } }
            let status: OutputStatus =
                failed ? (piece.status == 2 ? .interrupted : .error) : [.ok, .error, .interrupted][piece.status]
            book.setOutput(
                OutputRegion(
                    cellID: cell.id!, status: status, sourceHash: piece.stale ? "0badc0de" : cell.sourceHash,
                    items: items))
        }
        return book
    }

    @Test("export then import gives back the workbook, byte for byte, and its plots")
    func roundTrip() async throws {
        await propertyCheck(count: 200, input: Self.pieces) { pieces in
            let folder = ScratchFolder("import")
            let original = folder.file("sent/book.pilotbook")
            let book = try! Self.workbook(pieces, bookPath: original)
            folder.write(book.bytes, to: "sent/book.pilotbook")
            let parsed = try! BookFile(path: original).workbook
            let notebook = BookExporter(workbook: parsed, bookPath: original).render(.ipynb)
            let back = folder.file("back/book.pilotbook")
            let imported = try! NotebookImporter(bytes: Array(notebook.utf8), name: "book.ipynb").workbook(
                bookPath: back)
            #expect(imported.text == book.text, "\(notebook)")
            for path in book.imagePaths {
                #expect(folder.read("back/" + path) == folder.read("sent/" + path))
            }
        }
    }

    @Test("a notebook run in Jupyter: outputs as the kernel sent them, fresh source hashes, status from the error")
    func executedNotebook() throws {
        let folder = ScratchFolder("import")
        let notebook = """
            {"cells": [
              {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# Title\\n", "Some text."]},
              {"cell_type": "code", "id": "load", "execution_count": 1, "metadata": {"pilot": {"id": "load", "status": "ok", "src": "00000000"}},
               "outputs": [{"output_type": "display_data", "data": {"text/plain": ["data: 3 rows\\n"], "text/html": "<pre>x</pre>"}, "metadata": {}}],
               "source": "load data.csv as data"},
              {"cell_type": "code", "id": "b7c2e9f0-1", "execution_count": 2, "metadata": {},
               "outputs": [{"output_type": "error", "ename": "Error", "evalue": "unknown command 'descrbe'",
                            "traceback": ["error: unknown command 'descrbe'", "hint: did you mean 'describe'?"]}],
               "source": ["descrbe data"]},
              {"cell_type": "code", "id": "x", "execution_count": null, "metadata": {}, "outputs": [], "source": "head data"}
            ],
            "metadata": {"kernelspec": {"name": "pilot", "display_name": "pilot", "language": "pilot"}},
            "nbformat": 4, "nbformat_minor": 5}
            """
        let book = try NotebookImporter(bytes: Array(notebook.utf8), name: "n.ipynb")
            .workbook(bookPath: folder.file("n.pilotbook"))
        #expect(
            book.text == """
                <!-- pilotbook v1 -->

                # Title
                Some text.

                ```pilot id=load
                load data.csv as data
                ```

                <!-- output:begin id=load status=ok src=\(SourceHash.of("load data.csv as data\n")) -->
                ```text
                data: 3 rows
                ```
                <!-- output:end -->

                ```pilot id=b7c2e9f0-1
                descrbe data
                ```

                <!-- output:begin id=b7c2e9f0-1 status=error src=\(SourceHash.of("descrbe data\n")) -->
                ```error
                error: unknown command 'descrbe'
                hint: did you mean 'describe'?
                ```
                <!-- output:end -->

                ```pilot id=x
                head data
                ```

                """)
    }

    @Test("a notebook for another kernel, and a file that is not a notebook, are refused with what to do")
    func refused() throws {
        let python =
            #"{"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}"#
        #expect(throws: NotebookImportError.otherKernel(name: "p.ipynb", kernel: "python3")) {
            try NotebookImporter(bytes: Array(python.utf8), name: "p.ipynb")
        }
        let error = NotebookImportError.otherKernel(name: "p.ipynb", kernel: "python3").diagnostic.rendered
        #expect(
            error == """
                error: p.ipynb is a notebook for the 'python3' kernel, not pilot's; its cells are not pilot commands
                hint: import notebooks whose kernel is pilot (pick 'pilot' in Jupyter's kernel menu)
                """)
        #expect(throws: NotebookImportError.notANotebook(name: "x.ipynb", reason: "it is not JSON")) {
            try NotebookImporter(bytes: Array("not json".utf8), name: "x.ipynb")
        }
        #expect(throws: NotebookImportError.notANotebook(name: "y.ipynb", reason: "no 'cells'")) {
            try NotebookImporter(bytes: Array("{}".utf8), name: "y.ipynb")
        }
    }
}
