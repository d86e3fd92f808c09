import Foundation
import TestSupport
import Testing
@testable import Workbook

@Suite("Saving: atomic, refusing to clobber changes made by others")
struct BookFileTests {
    @Test("saves atomically and leaves no temporary file")
    func save() throws {
        let folder = ScratchFolder()
        let path = folder.write("```pilot\nhelp\n```\n", to: "book.pilotbook")
        let file = try BookFile(path: path)
        var book = file.workbook
        book.assignMissingIDs()
        try file.save(book)
        #expect(folder.read("book.pilotbook") == "```pilot id=help\nhelp\n```\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["book.pilotbook"])
    }

    @Test("refuses to overwrite a file changed on disk since it was read")
    func changedOnDisk() throws {
        let folder = ScratchFolder()
        let path = folder.write("```pilot\nhelp\n```\n", to: "book.pilotbook")
        let file = try BookFile(path: path)
        folder.write("```pilot\nhelp\n```\nedited elsewhere\n", to: "book.pilotbook")
        #expect(throws: WorkbookError.self) { try file.save(file.workbook) }
        #expect(folder.read("book.pilotbook").hasSuffix("edited elsewhere\n"))
        do {
            try file.save(file.workbook)
        } catch {
            #expect(error.rendered.hasPrefix("error: \(path) changed on disk since pilot read it; not overwriting it"))
        }
    }

    @Test("keeps the file's permissions")
    func permissions() throws {
        let folder = ScratchFolder()
        let path = folder.write("a\n", to: "book.pilotbook")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let file = try BookFile(path: path)
        try file.save(try Workbook(parsing: "b\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a missing file is an error that names it")
    func missing() {
        #expect {
            _ = try BookFile(path: "/nonexistent/book.pilotbook")
        } throws: { error in
            (error as? WorkbookError)?.rendered.hasPrefix("error: /nonexistent/book.pilotbook: cannot open") == true
        }
    }

    @Test("images are content-addressed and unreferenced ones are removed")
    func assets() throws {
        let folder = ScratchFolder()
        let assets = AssetFolder(bookPath: folder.file("tutorial.ja.pilotbook"))
        let first = try assets.store(svg: "<svg>1</svg>")
        let again = try assets.store(svg: "<svg>1</svg>")
        let second = try assets.store(svg: "<svg>2</svg>")
        #expect(first == again)
        #expect(first.hasPrefix("tutorial.ja.assets/") && first.hasSuffix(".svg"))
        #expect(assets.removeUnreferenced(keeping: [second]).count == 1)
        #expect(FileManager.default.fileExists(atPath: folder.file(second)))
        assets.removeUnreferenced(keeping: [])
        #expect(!FileManager.default.fileExists(atPath: assets.path))
    }
}
