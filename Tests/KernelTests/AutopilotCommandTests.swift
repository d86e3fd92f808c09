import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

@Suite("Autopilot commands")
struct AutopilotCommandTests {
    final class Fixture {
        let folder = ScratchFolder("autopilot")
        let session: Session
        init() {
            let csv = GeneratedData.binaryCSV(rows: 400, seed: 7, withID: true)
            folder.write(csv, to: "data.csv")
            session = Session(workingDirectory: folder.path)
            _ = Kernel.standard.run(cell: "load data.csv as data\nsplit data into train test seed=1", in: session)
        }

        func run(_ source: String) -> (status: Kernel.Status, text: String) {
            let result = Kernel.standard.run(cell: source, in: session)
            return (result.status, result.transcript())
        }
    }

    @Test("autopilot runs the stages, writes the data exploration report, and keeps the experiment")
    func stages() throws {
        let f = Fixture()
        let result = f.run("autopilot train target=y as exp max_candidates=4")
        #expect(result.status == .ok)
        for stage in [
            "Analyzing data", "Candidate definitions generated", "Feature engineering", "Model tuning",
            "Model insights",
        ] {
            #expect(result.text.contains(stage + "\n"), "\(stage)")
        }
        #expect(result.text.contains("  dropped id: unique per row, like an id\n"))
        #expect(result.text.contains("  wrote exp/data-exploration.pilotbook\n"))
        #expect(
            f.folder.read("exp/data-exploration.pilotbook").hasPrefix(
                "<!-- pilotbook v1 -->\n# Data exploration: exp\n"))
        #expect(f.run("experiments").text.contains("│ exp "))
        #expect(f.run("leaderboard exp into board").text.hasSuffix("kept as frame 'board': 6 rows × 11 columns\n"))
        #expect(f.run("candidate exp.xgboost-dpp0-001").text.hasPrefix("exp.xgboost-dpp0-001"))
        let evaluation = f.run("evaluate exp.best on test")
        #expect(evaluation.status == .ok)
        #expect(evaluation.text.contains("confusion matrix (rows: true class, columns: predicted)"))
    }

    @Test("the same workbook cell gives the same output twice (no timings stored)")
    func deterministic() {
        let a = Fixture().run("autopilot train target=y as exp max_candidates=3 seed=5")
        let b = Fixture().run("autopilot train target=y as exp max_candidates=3 seed=5")
        #expect(a.text == b.text)
    }

    @Test(
        "mistakes: error and hint",
        arguments: [
            (
                "autopilot train",
                "error: autopilot needs target=COL: the column to predict\nhint: columns: id, x1, x2, color, y\n"
            ),
            (
                "autopilot train target=why",
                "error: no column named 'why' in frame 'train'\nhint: columns: id, x1, x2, color, y\n"
            ),
            (
                "autopilot train target=y metric=F2",
                "error: metric=F2 is not valid\n  autopilot train target=y metric=F2\n                           ^\n"
                    + "hint: did you mean 'F1'? metric takes one of F1, AUC, Accuracy, BalancedAccuracy, Precision, Recall, LogLoss, "
                    + "F1macro, MSE, RMSE, MAE, R2\n"
            ),
            (
                "autopilot train target=y metric=MSE",
                "error: metric=MSE does not apply to binary problems\nhint: metrics for binary: F1, AUC, Accuracy, BalancedAccuracy, Precision, Recall, LogLoss\n"
            ),
            (
                "autopilot train target=y max_runtime=soon",
                "error: max_runtime=soon is not valid\n  autopilot train target=y max_runtime=soon\n"
                    + "                           ^\nhint: max_runtime takes a duration such as 90s, 5m or 1h, e.g. max_runtime=60s\n"
            ),
            (
                "autopilot train target=y problem=regression",
                "error: problem=regression needs a numeric target, and 'y' holds text\nhint: use problem=multiclass or problem=binary, or leave problem= out\n"
            ),
            ("leaderboard nope", "error: no experiment named 'nope'\nhint: run autopilot FRAME target=COL as nope\n"),
        ])
    func mistakes(source: String, message: String) {
        let f = Fixture()
        let result = f.run(source)
        #expect(result.status == .error)
        #expect(result.text == message)
    }

    @Test("candidates_only stops after the definitions")
    func candidatesOnly() {
        let f = Fixture()
        let result = f.run("autopilot train target=y as pilot candidates_only=yes")
        #expect(
            result.text.hasSuffix(
                "candidates_only=yes: stopped after the candidate definitions; experiment 'pilot' holds them\n"))
        #expect(!result.text.contains("Model tuning"))
    }
}

@Suite("Experiments persist in .pilot/")
struct ExperimentPersistenceTests {
    @Test("a new session finds the experiment by name, and its model scores the same")
    func reopen() throws {
        let f = AutopilotCommandTests.Fixture()
        #expect(
            f.run("autopilot train target=y as exp max_candidates=4").text.contains(
                "saved experiment 'exp' in .pilot/\n"))
        let before = f.run("evaluate exp.best on test").text
        #expect(FileManager.default.fileExists(atPath: f.folder.file(".pilot/experiments.sqlite")))
        #expect(FileManager.default.fileExists(atPath: f.folder.file(".pilot/exp/model.json")))

        let later = Session(workingDirectory: f.folder.path)
        _ = Kernel.standard.run(cell: "load data.csv as data\nsplit data into train test seed=1", in: later)
        let result = Kernel.standard.run(cell: "evaluate exp.best on test", in: later)
        let text = result.transcript()
        #expect(result.status == .ok)
        #expect(text == before)
        let board = Kernel.standard.run(cell: "experiments", in: later)
        #expect(board.status == .ok)
    }
}

@Suite("explain")
struct ExplainTests {
    @Test("ranks the columns that carry the signal first, and draws a chart")
    func ranks() {
        let f = AutopilotCommandTests.Fixture()
        _ = f.run("autopilot train target=y as exp max_candidates=3")
        let result = Kernel.standard.run(cell: "explain exp.best on train into importance", in: f.session)
        #expect(result.status == .ok)
        let text = result.transcript()
        let order = ["x1", "x2", "color"].map { name in text.range(of: "│ \(name) ")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[2]!)
        #expect(result.blocks.contains { if case .image = $0 { true } else { false } })
        #expect(text.hasSuffix("kept as frame 'importance': 3 rows × 2 columns\n"))
    }
}

@Suite("Interrupting autopilot")
struct InterruptTests {
    /// A terminal that presses Ctrl-C when the first candidate is reported.
    final class ImpatientTerminal: LiveDisplay, @unchecked Sendable {
        let interruption: Interruption
        init(_ interruption: Interruption) { self.interruption = interruption }
        func note(_ text: String) { if text.hasPrefix("[ 1/") { interruption.raise() } }
        func progress(_ label: String, fraction: Double?, detail: String) {}
        func endProgress() {}
    }

    @Test("Ctrl-C stops the search, keeps the best finished candidate, and the cell is interrupted")
    func interrupt() throws {
        let f = AutopilotCommandTests.Fixture()
        let interruption = Interruption()
        let result = Kernel.standard.run(
            cell: "autopilot train target=y as exp max_candidates=20\nexperiments", in: f.session,
            interruption: interruption, live: ImpatientTerminal(interruption))
        let text = result.transcript()
        #expect(result.status == .interrupted)
        #expect(
            text.contains("  1 candidate trained (stopped early: interrupted; the best finished candidate is kept)\n"))
        #expect(!text.contains("│ exp "))  // the next command did not run
        #expect(f.session.values["exp"] is ExperimentValue)
    }
}
