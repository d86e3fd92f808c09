import Foundation
import TestSupport
import Testing
@testable import Runner
@testable import Workbook

@Suite("Plots in a workbook run")
struct PlotAssetTests {
    static let book = """
    <!-- pilotbook v1 -->
    ```pilot id=load
    load data.csv as data
    counts data color
    ```

    ```pilot id=autopilot
    autopilot data target=y as exp max_candidates=2 seed=3
    ```

    ```pilot id=leaderboard
    leaderboard exp
    ```

    """

    @Test("leaderboard and counts write their SVGs into BOOK.assets/ and link them under the drawing; a second run gives the same files")
    func leaderboardAsset() throws {
        let folder = ScratchFolder("plots")
        folder.write(GeneratedData.binaryCSV(rows: 300, seed: 11), to: "data.csv")
        folder.write(Self.book, to: "w.pilotbook")
        let summary = try BookRunner(bookPath: folder.file("w.pilotbook")).runAll()
        #expect(summary.failed.isEmpty)

        let book = try Workbook(parsing: folder.read("w.pilotbook"))
        let board = try #require(book.output(forCell: "leaderboard"))
        #expect(board.status == .ok)
        guard board.items.count == 2, case .text(let text) = board.items[0], case .image(let path, let alt) = board.items[1] else {
            Issue.record("expected the table and drawing, then an image: \(board.items)")
            return
        }
        #expect(text.contains("F1 on validation by candidate, higher is better"))
        #expect(alt == "F1 by candidate of exp")
        #expect(path.hasPrefix("w.assets/") && path.hasSuffix(".svg"))
        #expect(folder.read("w.pilotbook").contains("\n![F1 by candidate of exp](\(path))\n"))
        let svg = folder.read(path)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>F1 by candidate: exp</title>"))

        let counts = try #require(book.output(forCell: "load"))
        #expect(counts.imagePaths.count == 1)
        #expect(folder.read(counts.imagePaths[0]).contains("<title>counts of color (data)</title>"))

        let assets = try FileManager.default.contentsOfDirectory(atPath: folder.file("w.assets")).sorted()
        #expect(assets.count == 2)
        let first = folder.bytes("w.pilotbook")
        _ = try BookRunner(bookPath: folder.file("w.pilotbook")).runAll()
        #expect(folder.bytes("w.pilotbook") == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("w.assets")).sorted() == assets)
        #expect(folder.read(path) == svg)
    }
}
