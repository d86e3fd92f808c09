import Foundation
import TestSupport
import Testing

@Suite("pilot export, end to end")
struct ExportCommandTests {
    /// A scratch folder holding the export tests' small workbook and its assets.
    static func smallBook() throws -> ScratchFolder {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ExportTests/Fixtures")
        let folder = ScratchFolder("export")
        for name in ["small.pilotbook", "small.assets/4d8afb6bc06e6ed8.svg"] {
            folder.write(Array(try Data(contentsOf: fixtures.appendingPathComponent(name))), to: name)
        }
        return folder
    }

    @Test("each format is written beside the workbook, and pilot says where", arguments: ["html", "ipynb", "md"])
    func besideTheBook(format: String) throws {
        let folder = try Self.smallBook()
        let result = try PilotProcess.run(["export", "small.pilotbook", "--to", format], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "small.pilotbook: exported 7 cells to small.\(format)\n")
        #expect(result.stderr == "")
        #expect(!folder.read("small.\(format)").isEmpty)
    }

    @Test("--output elsewhere: into a folder that exists; Markdown image links still reach the asset folder; '-' prints the export")
    func output() throws {
        let folder = try Self.smallBook()
        let noFolder = try PilotProcess.run(["export", "small.pilotbook", "--to", "md", "--output", "shared/small.md"], in: folder.path)
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr == """
            error: cannot write shared/small.md: there is no folder shared
            hint: create it first (mkdir -p shared), or choose another --output

            """)
        try FileManager.default.createDirectory(atPath: folder.file("shared"), withIntermediateDirectories: false)
        let result = try PilotProcess.run(["export", "small.pilotbook", "--to", "md", "--output", "shared/small.md"], in: folder.path)
        #expect(result.status == 0)
        #expect(folder.read("shared/small.md").contains("](../small.assets/4d8afb6bc06e6ed8.svg)"))
        let printed = try PilotProcess.run(["export", "small.pilotbook", "--to", "md", "--output", "-"], in: folder.path)
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("# A small workbook"))
    }

    @Test("a missing plot is a warning, and the page shows a placeholder")
    func missingPlot() throws {
        let folder = try Self.smallBook()
        try FileManager.default.removeItem(atPath: folder.file("small.assets/4d8afb6bc06e6ed8.svg"))
        let result = try PilotProcess.run(["export", "small.pilotbook", "--to", "html"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: small.assets/4d8afb6bc06e6ed8.svg cannot be inlined"))
        #expect(folder.read("small.html").contains("image not included"))
    }

    @Test("mistakes: an unknown format or --output naming the workbook exit 64, a missing workbook exits 1")
    func mistakes() throws {
        let folder = try Self.smallBook()
        let unknown = try PilotProcess.run(["export", "small.pilotbook", "--to", "pdf"], in: folder.path)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'pdf'"))
        let itself = try PilotProcess.run(["export", "small.pilotbook", "--to", "md", "--output", "./small.pilotbook"], in: folder.path)
        #expect(itself.status == 64)
        #expect(itself.stderr.contains("--output ./small.pilotbook is the workbook itself; name another file, e.g. --output small.md"))
        let missing = try PilotProcess.run(["export", "nothing.pilotbook", "--to", "html"], in: folder.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: nothing.pilotbook"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("nothing.html")))
    }
}
