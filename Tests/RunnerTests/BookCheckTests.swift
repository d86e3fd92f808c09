import Foundation
import TestSupport
import Testing
@testable import Runner

@Suite("pilot check")
struct BookCheckTests {
    @Test("passes on a freshly run workbook and leaves it untouched")
    func passes() throws {
        let folder = ScratchFolder()
        folder.write(BookRunnerTests.tour, to: "tour.pilotbook")
        _ = try BookRunner(bookPath: folder.file("tour.pilotbook"), kernel: TestCommands.kernel).runAll(keepGoing: true)
        let before = folder.bytes("tour.pilotbook")
        let report = try BookCheck(bookPath: folder.file("tour.pilotbook"), kernel: TestCommands.kernel).run()
        #expect(report.passed)
        #expect(report.verdict == "ok: \(folder.file("tour.pilotbook")): 4 cells match their stored outputs")
        #expect(folder.bytes("tour.pilotbook") == before)
    }

    @Test("fails with a unified diff when a stored output was edited by hand")
    func handEdited() throws {
        let folder = ScratchFolder()
        folder.write(BookRunnerTests.tour, to: "tour.pilotbook")
        _ = try BookRunner(bookPath: folder.file("tour.pilotbook"), kernel: TestCommands.kernel).runAll(keepGoing: true)
        let text = folder.read("tour.pilotbook").replacingOccurrences(of: "3 bars\n```", with: "4 bars\n```")
        folder.write(text, to: "tour.pilotbook")
        let report = try BookCheck(bookPath: folder.file("tour.pilotbook"), kernel: TestCommands.kernel).run()
        #expect(!report.passed)
        #expect(report.differences.map(\.cellID) == ["plot"])
        #expect(report.differences[0].diff == """
        --- stored output of 'plot'
        +++ output of 'plot' now
        @@ -1,6 +1,6 @@
         <!-- output:begin id=plot status=ok src=\(SourceHashOf.plot3) -->
         ```text
        -4 bars
        +3 bars
         ```
         
         ![3 bars](tour.assets/\(report.differences[0].diff.imageName))

        """)
        #expect(report.verdict.hasPrefix("FAILED: "))
        #expect(report.verdict.hasSuffix(": 1 of 4 cells differ from the stored outputs"))
    }

    @Test("a hand-in renamed after it ran matches: images are compared by content, not by their folder's name")
    func renamed() throws {
        let folder = ScratchFolder()
        folder.write(BookRunnerTests.tour, to: "tour.pilotbook")
        _ = try BookRunner(bookPath: folder.file("tour.pilotbook"), kernel: TestCommands.kernel).runAll(keepGoing: true)
        folder.write(folder.read("tour.pilotbook"), to: "anna.pilotbook")
        #expect(folder.read("anna.pilotbook").contains("](tour.assets/"))
        #expect(try BookCheck(bookPath: folder.file("anna.pilotbook"), kernel: TestCommands.kernel).run().passed)
        // Another image still differs.
        let text = folder.read("anna.pilotbook")
        folder.write(text.replacingOccurrences(of: text.imageName, with: "0123456789abcdef.svg"), to: "ben.pilotbook")
        let ben = try BookCheck(bookPath: folder.file("ben.pilotbook"), kernel: TestCommands.kernel).run()
        #expect(ben.differences.map(\.cellID) == ["plot"])
    }

    @Test("a workbook that was never run has nothing to match")
    func neverRun() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nhelp\n```\n", to: "n.pilotbook")
        let report = try BookCheck(bookPath: folder.file("n.pilotbook")).run()
        #expect(report.differences.map(\.cellID) == ["a"])
    }
}

enum SourceHashOf {
    static let plot3 = "2210d7c4"
}

extension String {
    /// The asset file name in an image link inside this text.
    var imageName: String {
        guard let start = range(of: "tour.assets/"), let end = self[start.upperBound...].firstIndex(of: ")") else { return "" }
        return String(self[start.upperBound..<end])
    }
}

@Suite("pilot check and stale outputs")
struct StaleCheckTests {
    @Test("an output stored before the cell was edited is reported as stale")
    func stale() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nset seed=1\n```\n", to: "s.pilotbook")
        _ = try BookRunner(bookPath: folder.file("s.pilotbook")).runAll()
        folder.write(folder.read("s.pilotbook").replacingOccurrences(of: "set seed=1\n```\n\n", with: "set seed=2\n```\n\n"),
                     to: "s.pilotbook")
        let report = try BookCheck(bookPath: folder.file("s.pilotbook")).run()
        #expect(report.differences.map(\.wasStale) == [true])
        #expect(report.differences[0].diff.contains("-seed = 1\n+seed = 2\n"))
    }
}
