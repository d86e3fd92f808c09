import Foundation
import TestSupport
import Testing
@testable import Runner
@testable import Workbook

@Suite("Running workbooks")
struct BookRunnerTests {
    static let tour: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/tour.pilotbook")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    func runTour(in folder: ScratchFolder, keepGoing: Bool = true) throws -> BookRunner.Summary {
        let path = folder.file("tour.pilotbook")
        if !FileManager.default.fileExists(atPath: path) { folder.write(Self.tour, to: "tour.pilotbook") }
        let runner = try BookRunner(bookPath: path, kernel: TestCommands.kernel)
        return try runner.runAll(keepGoing: keepGoing)
    }

    @Test("writes every cell's output under it: the whole file, pinned")
    func wholeFile() throws {
        let folder = ScratchFolder()
        let summary = try runTour(in: folder)
        #expect(summary.failed == ["oops"])
        let written = folder.read("tour.pilotbook")
        #expect(written == Snapshot.expected(written, named: "tour.after-run.pilotbook"))
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.file("tour.assets"))
        #expect(images.count == 1)
        #expect(written.contains("![3 bars](tour.assets/\(images[0]))"))
    }

    @Test("running an unchanged workbook again gives a byte-identical file")
    func deterministic() throws {
        let folder = ScratchFolder()
        _ = try runTour(in: folder)
        let first = folder.bytes("tour.pilotbook")
        _ = try runTour(in: folder)
        #expect(folder.bytes("tour.pilotbook") == first)
    }

    @Test("stops at the first failed cell unless asked to keep going")
    func stopsAtFailure() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nbogus\n```\n\n```pilot id=b\nhelp\n```\n", to: "b.pilotbook")
        let summary = try BookRunner(bookPath: folder.file("b.pilotbook")).runAll()
        #expect(summary.failed == ["a"])
        #expect(summary.skipped == 1)
        let book = try Workbook(parsing: folder.read("b.pilotbook"))
        #expect(book.output(forCell: "a")?.status == .error)
        #expect(book.output(forCell: "b") == nil)
    }

    @Test("cells run with the workbook's folder as working directory")
    func workingDirectory() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=p\npwd\n```\n", to: "sub/dir/w.pilotbook")
        let runner = try BookRunner(bookPath: folder.file("sub/dir/w.pilotbook"), kernel: TestCommands.kernel)
        _ = try runner.runAll()
        let expected = URL(fileURLWithPath: folder.file("sub/dir")).standardizedFileURL.path
        #expect(runner.session.workingDirectory == expected)
    }

    @Test("--output writes elsewhere and leaves the workbook untouched")
    func outputElsewhere() throws {
        let folder = ScratchFolder()
        folder.write(Self.tour, to: "tour.pilotbook")
        let runner = try BookRunner(bookPath: folder.file("tour.pilotbook"), outputPath: folder.file("out/run.pilotbook"),
                                    kernel: TestCommands.kernel)
        _ = try? FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        _ = try runner.runAll(keepGoing: true)
        #expect(folder.read("tour.pilotbook") == Self.tour)
        #expect(folder.read("out/run.pilotbook").contains("<!-- output:begin id=plot status=ok"))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/run.assets")))
    }

    @Test("parameters are defined before the first cell; a bad one stops before anything runs")
    func parameters() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=v\nset rows=$rows\nvars\n```\n", to: "p.pilotbook")
        let runner = try BookRunner(bookPath: folder.file("p.pilotbook"), parameters: [("rows", "3"), ("budget", "60s")])
        #expect(try runner.runAll().succeeded)
        #expect(folder.read("p.pilotbook").contains("│ budget │ parameter │ 60s"))
        #expect(throws: RunnerError.self) {
            try BookRunner(bookPath: folder.file("p.pilotbook"), parameters: [("seed", "many")])
        }
    }

    @Test("a file edited by someone else during the run is left alone; the run goes to a conflict copy")
    func conflict() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nhelp\n```\n\n```pilot id=b\nvars\n```\n", to: "c.pilotbook")
        let runner = try BookRunner(bookPath: folder.file("c.pilotbook"))
        try runner.run(cell: "a")
        folder.write("# my edit\n", to: "c.pilotbook")
        #expect(throws: RunnerError.changedOnDisk(path: folder.file("c.pilotbook"), savedAs: folder.file("c.conflict.pilotbook"))) {
            try runner.run(cell: "b")
        }
        #expect(folder.read("c.pilotbook") == "# my edit\n")
        #expect(folder.read("c.conflict.pilotbook").contains("<!-- output:begin id=b status=ok"))
        // Later cells are saved into the conflict copy, without asking again.
        try runner.run(cell: "a")
        #expect(runner.destination.path == folder.file("c.conflict.pilotbook"))
        #expect(folder.read("c.pilotbook") == "# my edit\n")
    }

    @Test("an image no output links to any more is removed on the next run")
    func assetGarbage() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=p\nplot 2\n```\n", to: "g.pilotbook")
        _ = try BookRunner(bookPath: folder.file("g.pilotbook"), kernel: TestCommands.kernel).runAll()
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.file("g.assets"))
        var book = try Workbook(parsing: folder.read("g.pilotbook"))
        book.setSource("plot 4\n", ofCell: "p")
        folder.write(book.bytes, to: "g.pilotbook")
        _ = try BookRunner(bookPath: folder.file("g.pilotbook"), kernel: TestCommands.kernel).runAll()
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.file("g.assets"))
        #expect(after.count == 1)
        #expect(after != before)
    }
}
