import Foundation
import TestSupport
import Testing
import ZIPFoundation
@testable import Archives

@Suite("Zip archives")
struct ZipFileTests {
    /// Makes an archive holding `entries` (path → text).
    func makeZip(_ entries: [(String, String)], in folder: ScratchFolder, name: String = "a.zip") throws -> String {
        let path = folder.file(name)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (entryPath, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: entryPath, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    @Test("extracts content, skips litter and says so, leaves present files alone")
    func extract() throws {
        let folder = ScratchFolder("zip")
        let path = try makeZip([
            ("bank/full.csv", "a,b\n1,2\n"), ("__MACOSX/bank/._full.csv", "x"), ("bank/.DS_Store", "x"),
            ("bank/.Rhistory", "x"), ("bank/names.txt", "names"),
        ], in: folder)
        let zip = try ZipFile(path: path, displayName: "a.zip")
        let first = try zip.extractAll(to: folder.file("out"), folderDisplayName: "out")
        #expect(first.extracted.map(\.path).sorted() == ["bank/full.csv", "bank/names.txt"])
        #expect(first.skippedLitter.count == 3)
        #expect(folder.read("out/bank/full.csv") == "a,b\n1,2\n")
        let second = try zip.extractAll(to: folder.file("out"), folderDisplayName: "out")
        #expect(second.extracted.isEmpty)
        #expect(second.alreadyPresent.count == 2)
        #expect(try zip.read(member: "bank/names.txt") == Array("names".utf8))
    }

    @Test("an entry that would land outside the folder is refused, and nothing is extracted")
    func escape() throws {
        let folder = ScratchFolder("zip")
        let path = try makeZip([("ok.txt", "fine"), ("../../evil.txt", "bad")], in: folder)
        let zip = try ZipFile(path: path, displayName: "a.zip")
        #expect(throws: ArchiveError("refused to extract '../../evil.txt': it would land outside out",
                                     hint: "this archive is unsafe; nothing was extracted", source: "a.zip")) {
            _ = try zip.extractAll(to: folder.file("out"), folderDisplayName: "out")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("out/ok.txt")))
    }

    @Test("a missing member names the closest one")
    func missingMember() throws {
        let folder = ScratchFolder("zip")
        let zip = try ZipFile(path: try makeZip([("bank/full.csv", "a\n1\n")], in: folder), displayName: "a.zip")
        #expect(throws: ArchiveError("no member 'bank/ful.csv' in the archive",
                                     hint: "did you mean 'bank/full.csv'? it holds: bank/full.csv", source: "a.zip")) {
            _ = try zip.read(member: "bank/ful.csv")
        }
    }

    @Test("not an archive")
    func notAnArchive() {
        let folder = ScratchFolder("zip")
        folder.write("plain text", to: "x.zip")
        #expect(throws: ArchiveError.self) { _ = try ZipFile(path: folder.file("x.zip"), displayName: "x.zip") }
    }
}
