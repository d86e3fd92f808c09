import Foundation
import TestSupport
import Testing
import Workbook

@Suite("SIGKILL at any moment leaves a complete workbook")
struct KillTests {
    /// Kills `pilot run` right after it reports cell `k` of a long workbook, then checks that
    /// the file on disk parses and holds outputs for a prefix of the cells, never a torn file.
    @Test("killed after cell k", arguments: [1, 7, 40, 133])
    func killed(after k: Int) throws {
        let folder = ScratchFolder()
        let cells = (1...150).map { "```pilot id=c\($0)\nset seed=\($0)\nvars\n```\n" }
        let original = "# Long\n\n" + cells.joined(separator: "\n")
        folder.write(original, to: "long.pilotbook")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: PilotProcess.binary)
        process.arguments = ["run", "long.pilotbook"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let marker = "[\(k)/150] c\(k) "
        while !seen.contains(marker) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(seen.contains(marker))

        let bytes = folder.bytes("long.pilotbook")
        let book = try Workbook(parsing: bytes)
        let withOutput = book.cells.filter { book.output(forCell: $0.id!) != nil }.count
        #expect(withOutput >= k)
        #expect(book.cells.prefix(withOutput).allSatisfy { book.output(forCell: $0.id!)?.status == .ok })
        #expect(book.cells.dropFirst(withOutput).allSatisfy { book.output(forCell: $0.id!) == nil })
        var stripped = book
        stripped.stripOutputs()
        #expect(stripped.text == original)
    }
}
