import Foundation
import TestSupport
import Testing
import TextLayout

@testable import Autopilot
@testable import Commands
@testable import Kernel

/// The drawings commands print and the SVG images they emit: pinned, the same every time, and
/// within the 100 columns stored output is rendered at.
@Suite("Plots")
struct PlotTests {
    static func candidate(_ name: String, _ algorithm: Algorithm, _ metrics: [String: Double]) -> Candidate {
        Candidate(
            name: name, algorithm: algorithm, pipeline: "dpp0", hyperparameters: Hyperparameters([:]), metrics: metrics,
            threshold: nil, rounds: nil, trainingSeconds: 1)
    }

    static let board = [
        candidate("linear-dpp2-003", .linear, ["F1": 0.6201, "MSE": 181.5]),
        candidate("xgboost-dpp1-007", .xgboost, ["F1": 0.6628, "MSE": 150.25]),
        candidate("ensemble-021", .ensemble, ["F1": 0.6651, "MSE": 149.0]),
        candidate("mlp-dpp2-005", .mlp, ["F1": 0.6373]),
    ]

    @Test("the leaderboard's bars start above zero when the scores are close, and the caption says where")
    func leaderboardDrawing() {
        #expect(
            Leaderboard.drawing(Self.board, metric: .f1, width: 100) == """
                F1 on validation by candidate, higher is better; the bars start at 0.60, not at 0
                ensemble-021      ██████████████████████████████████████████████████████  0.6651
                xgboost-dpp1-007  ████████████████████████████████████████████████████▏   0.6628
                mlp-dpp2-005      ███████████████████████████████                         0.6373
                linear-dpp2-003   ████████████████▋                                       0.6201
                """)
        // A minimised objective: the best comes first with the shortest bar; a missing score draws no
        // bar; the caption wraps at the width.
        #expect(
            Leaderboard.drawing(Self.board, metric: .mse, width: 60) == """
                MSE on validation by candidate, lower is better; the bars
                start at 140, not at 0
                ensemble-021      ███████                           149.0000
                xgboost-dpp1-007  ███████▉                          150.2500
                linear-dpp2-003   ████████████████████████████████  181.5000
                mlp-dpp2-005                                               ?
                """)
    }

    @Test("the leaderboard's SVG: candidate names, the objective in the title, an axis from the floor")
    func leaderboardSVG() {
        let svg = Leaderboard.svg(Self.board, metric: .f1, experiment: "bank")
        #expect(svg == Snapshot.expected(svg, named: "leaderboard.svg"))
        #expect(svg == Leaderboard.svg(Self.board, metric: .f1, experiment: "bank"))
        #expect(svg.contains("<title>F1 by candidate: bank</title>"))
        #expect(!svg.contains("id="))
    }

    @Test("leaderboard EXP: the table, the drawing of the same rows, then the image")
    func leaderboardCommand() throws {
        let f = AutopilotCommandTests.Fixture()
        _ = f.run("autopilot train target=y as exp max_candidates=4")
        let first = Kernel.standard.run(cell: "leaderboard exp", in: f.session)
        #expect(first.status == .ok)
        #expect(first == Kernel.standard.run(cell: "leaderboard exp", in: f.session))
        guard first.blocks.count == 2, case .text(let text) = first.blocks[0],
            case .image(let svg, let alt) = first.blocks[1]
        else {
            Issue.record("expected text then an image: \(first.blocks)")
            return
        }
        #expect(alt == "F1 by candidate of exp")
        #expect(svg.contains("<title>F1 by candidate: exp</title>"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.displayWidth <= 100 })
        let caption = try #require(lines.firstIndex { $0.hasPrefix("F1 on validation by candidate, higher is better") })
        let tableRows = lines[..<caption].filter { $0.hasPrefix("│ ") }.dropFirst()  // without the header
        let drawn = lines[(caption + 1)...]
        #expect(tableRows.count == 6)  // four candidates, the weighted and the stacked ensemble
        #expect(drawn.count == tableRows.count)
        for (row, bar) in zip(tableRows, drawn) {
            let name = row.split(separator: "│")[1].trimmingCharacters(in: .whitespaces)
            #expect(bar.hasPrefix(name + " "), "\(bar) should draw \(name)")
        }
    }

    @Test("counts draws the table's top values as an SVG: Japanese values included, the same bytes twice")
    func countsSVG() {
        let f = FrameCommandTests.Fixture()
        _ = f.run("load data/people.csv as people")
        let result = Kernel.standard.run(cell: "counts people job", in: f.session)
        #expect(result == Kernel.standard.run(cell: "counts people job", in: f.session))
        guard case .image(let svg, let alt) = result.blocks.last else { Issue.record("no image"); return }
        #expect(alt == "counts of job")
        #expect(svg == Snapshot.expected(svg, named: "counts-job.svg"))
    }

    @Test("counts with more values than the table shows draws the most frequent ones and says how many rows are left")
    func countsManyValues() {
        let f = FrameCommandTests.Fixture()
        f.folder.write(
            "code\n" + (0..<30).flatMap { i in Array(repeating: "v\(i)", count: 30 - i) }.joined(separator: "\n")
                + "\n",
            to: "codes.csv")
        _ = f.run("load codes.csv as codes")
        let result = Kernel.standard.run(cell: "counts codes code", in: f.session)
        guard case .image(let svg, _) = result.blocks.last else { Issue.record("no image"); return }
        #expect(svg.contains(">the 20 most frequent of 30 values; 55 rows hold the others</text>"))
        #expect(svg.contains(">v19</text>"))
        #expect(!svg.contains(">v20</text>"))
    }

    @Test("evaluate draws the ROC and precision-recall curves in twelve lines within 100 columns, then the SVGs")
    func evaluateCurves() throws {
        let f = AutopilotCommandTests.Fixture()
        _ = f.run("autopilot train target=y as exp max_candidates=2")
        let result = Kernel.standard.run(cell: "evaluate exp.best on test", in: f.session)
        guard case .text(let text) = result.blocks.first else { Issue.record("no text"); return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.hasPrefix("ROC curve, AUC ") })
        #expect(lines[top].hasSuffix("precision-recall curve"))
        #expect(lines[top + 2].hasPrefix("1 ┤"))
        #expect(lines[top + 11].hasPrefix("   0       false positive rate        1"))
        #expect(lines.allSatisfy { $0.displayWidth <= 100 })
        #expect(
            result.blocks.dropFirst().map { if case .image(_, let alt) = $0 { alt } else { "" } }
                == [
                    "ROC curve of exp.\(f.session.experimentBest("exp")) on test",
                    "precision-recall curve of exp.\(f.session.experimentBest("exp")) on test",
                ])
    }
}

extension Session {
    func experimentBest(_ name: String) -> String {
        (try? experiment(name).best?.name) ?? "?"
    }
}
