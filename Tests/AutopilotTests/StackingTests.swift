import Frames
import Testing

@testable import Autopilot

@Suite("Stacked ensembles")
struct StackingTests {
    @Test("a stacked candidate is scored out of fold over the kept candidates, and kept only when it is the best")
    func stackedCandidate() throws {
        let settings = AutopilotSettings.binary(candidates: 8)
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        let stacked = try #require(outcome.candidates.last { $0.algorithm == .stacked })
        #expect((stacked.members?.count ?? 0) >= 2)
        #expect((stacked.metric(.f1) ?? 0) > 0.8)
        let best = AutopilotJob.best(outcome.candidates, metric: .f1)!
        #expect(outcome.best.name == best.name)
        if case .stacked = outcome.model { #expect(best.name == stacked.name) }
    }

    @Test("a stacked model of bags stored as files and restored predicts exactly the same")
    func roundTrip() throws {
        var settings = AutopilotSettings.binary(candidates: 1)
        settings.trials = [
            .init(pipeline: "dpp0", algorithm: .xgboost, hyperparameters: ["num_round": 30, "max_depth": 3])
        ]
        let table = Generated.table(rows: 600, seed: 2)
        let job = AutopilotJob(frame: table, settings: settings)
        let bag = try job.tune(analysis: try job.analyze()).model  // 8 fold models
        let scores = try #require(try bag.scores(table))
        let labels = job.analysis!.target.labels
        let fitted = try #require(
            Stacker.fit(
                members: [scores, scores.map { 1 - $0 }], labels: labels, problem: .binary, classes: 2, seed: 0))
        let model = TrainedModel.stacked(
            [bag, bag], fitted.stacker, target: job.analysis!.target, threshold: 0.5)
        let (archive, files) = try ModelArchive.make(model)
        #expect(archive.members.count == 16 && archive.members.map(\.group) == (0..<16).map { $0 / 8 })
        let restored = try archive.restore { name throws(AutopilotError) in files[name] ?? [] }
        #expect(try restored.predict(table).scores == model.predict(table).scores)
    }
}
