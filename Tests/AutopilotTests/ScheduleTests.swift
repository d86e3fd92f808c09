import Frames
import Testing

@testable import Autopilot

@Suite("The trial schedule")
struct ScheduleTests {
    @Test("without categorical features, the tree pipelines that would repeat dpp0's matrix are not tried")
    func numericOnly() throws {
        var settings = AutopilotSettings.binary(candidates: 12)
        settings.exclude.append("color")
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        let pipelines = Set(outcome.candidates.filter { $0.algorithm.isTrees }.map(\.pipeline))
        #expect(pipelines == ["dpp0"])
        let settingsTried = outcome.candidates.filter { $0.algorithm == .xgboost }.map(\.hyperparameters)
        #expect(Set(settingsTried.map(\.summary)).count == settingsTried.count, "no setting tried twice")
    }

    @Test("fresh XGBoost draws grow trees leaf by leaf in turn: max_leaves instead of max_depth")
    func leafWise() throws {
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: .binary(candidates: 16))
        let outcome = try job.tune(analysis: try job.analyze())
        let leafWise = outcome.candidates.filter { $0.algorithm == .xgboost && $0.hyperparameters["max_leaves"] != nil }
        #expect(!leafWise.isEmpty)
        for candidate in leafWise {
            #expect(candidate.hyperparameters["max_depth"] == nil)
            #expect((4...512).contains(candidate.hyperparameters["max_leaves"]!))
            #expect((candidate.metric(.f1) ?? 0) > 0.5)
        }
    }
}

@Suite("Scoring large frames")
struct LargeFrameScoringTests {
    @Test("a frame of more rows than are scored at once gets the scores its parts get")
    func slices() throws {
        let settings = AutopilotSettings.binary(candidates: 6)
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: settings)
        let model = try job.tune(analysis: try job.analyze()).model
        let big = Generated.table(rows: TrainedModel.scoredRows + 5000, seed: 9)
        let whole = try model.predict(big).scores
        let parts =
            try model.predict(big.rows(0..<30_000)).scores + model.predict(big.rows(30_000..<big.rowCount)).scores
        #expect(whole.count == big.rowCount)
        #expect(whole == parts)
    }
}
