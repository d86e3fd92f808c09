import Frames
import Testing

@testable import Autopilot

@Suite("Successive halving over samples of many rows")
struct SuccessiveHalvingTests {
    /// 6,000 rows with a holdout and a first sample of 300 training rows: samples of 300, 1,200
    /// and every one of the 4,800 training rows.
    func settings(candidates: Int) -> AutopilotSettings {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.crossValidationLimit = 1000
        settings.firstSampleRows = 300
        settings.maxCandidates = candidates
        settings.maxRuntime = 600
        settings.threads = 1
        return settings
    }

    @Test("sample sizes grow fourfold up to every row; a size is skipped when the next is not twice as large")
    func sizes() {
        #expect(SampleLadder.sizes(rows: 800_000, first: 25_000) == [25_000, 100_000, 400_000, 800_000])
        #expect(SampleLadder.sizes(rows: 120_000, first: 25_000) == [25_000, 120_000])
        #expect(SampleLadder.sizes(rows: 40_000, first: 25_000) == [40_000])
    }

    @Test("samples are nested and keep each class's share")
    func stratifiedNested() {
        let rows = Array(0..<4800)
        let strata = rows.map { UInt32($0 % 10 == 0 ? 1 : 0) }  // 10% positive
        let ladder = SampleLadder(trainRows: rows, strata: strata, first: 300, seed: 3)
        #expect(ladder.sizes == [300, 1200, 4800])
        let small = ladder.rows(rung: 0), middle = ladder.rows(rung: 1)
        #expect(small.count == 300 && middle.count == 1200)
        #expect(Set(small).isSubset(of: Set(middle)))
        #expect(small.filter { $0 % 10 == 0 }.count == 30)
        #expect(middle.filter { $0 % 10 == 0 }.count == 120)
        #expect(ladder.rows(rung: 2) == rows)
    }

    @Test("candidates start on the first sample; the best quarter move up, to every training row at last")
    func promotions() throws {
        let table = Generated.table(rows: 6000, seed: 6)
        let job = AutopilotJob(frame: table, settings: settings(candidates: 24))
        let analysis = try job.analyze()
        #expect(
            analysis.validation.hasSuffix(
                "; candidates start on a sample of 300 training rows, the best moving up to 1200, 4800 rows"))
        let outcome = try job.tune(analysis: analysis)
        let trained = outcome.candidates.filter { !$0.algorithm.combinesCandidates }
        let bySize = Dictionary(grouping: trained, by: { $0.sampleRows ?? 0 })
        #expect(Set(bySize.keys) == [300, 1200, 4800])
        #expect(trained.first?.sampleRows == 300)
        // Every larger sample's candidate repeats one of the next smaller sample's settings.
        for (smaller, larger) in [(300, 1200), (1200, 4800)] {
            for candidate in bySize[larger]! {
                #expect(
                    bySize[smaller]!.contains {
                        $0.hyperparameters == candidate.hyperparameters && $0.pipeline == candidate.pipeline
                    })
            }
        }
        // ASHA: only those in the best quarter of a sample when they move up (so few), a
        // quarter of 4 at least before the first move to every row.
        #expect(bySize[300]!.count >= 16)
        #expect((4...(bySize[300]!.count / 3)).contains(bySize[1200]!.count))
        #expect((1...(bySize[1200]!.count / 3)).contains(bySize[4800]!.count))
        // A promoted candidate on every row is among the best (more data, same settings).
        let best = AutopilotJob.ranked(trained, metric: analysis.metric)
        #expect(best.prefix(5).contains { $0.sampleRows == 4800 })
    }

    @Test("the same seed gives the same candidates, samples included")
    func deterministic() throws {
        func names() throws -> [String] {
            let job = AutopilotJob(frame: Generated.table(rows: 6000, seed: 6), settings: settings(candidates: 12))
            let outcome = try job.tune(analysis: try job.analyze())
            return outcome.candidates.map { "\($0.name) \($0.sampleRows ?? 0) \($0.metrics["F1"] ?? 0)" }
        }
        #expect(try names() == names())
    }

    @Test("random forests are candidates, and a forest model predicts after a round trip through files")
    func randomForest() throws {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.trials = [
            .init(
                pipeline: "dpp3", algorithm: .randomForest,
                hyperparameters: [
                    "num_round": 1, "num_parallel_tree": 20, "max_depth": 6, "subsample": 0.632,
                    "colsample_bynode": 0.6,
                ])
        ]
        settings.threads = 1
        let table = Generated.table(rows: 600, seed: 2)
        let job = AutopilotJob(frame: table, settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        #expect(outcome.best.algorithm == .randomForest)
        #expect(outcome.best.rounds == 1)
        #expect((outcome.best.metrics["AUC"] ?? 0) > 0.9)
        let (archive, files) = try ModelArchive.make(outcome.model)
        let restored = try archive.restore { name throws(AutopilotError) in files[name] ?? [] }
        #expect(try restored.predict(table).scores == outcome.model.predict(table).scores)
    }
}

@Suite("The data exploration report's duplicate rows")
struct DuplicateRowTests {
    @Test("rows equal in every column count once each after the first; a missing value is not -1")
    func duplicates() {
        var missing = Bitmap(count: 6)
        missing[4] = true
        let frame = Frame(columns: [
            Column(name: "n", data: .int([1, 1, 2, 1, -1, -1], missing: missing)),
            Column(name: "x", data: .double([0.5, 0.5, 0.5, 0.5, .nan, .nan])),
            Column(
                name: "s",
                data: .strings(
                    codes: [0, 0, 0, 1, CategoricalCodes.missing, CategoricalCodes.missing], dictionary: ["a", "b"])),
        ])
        // Rows 0 and 1 are equal; 4 (n missing) and 5 (n = -1) are not.
        #expect(DataExploration.duplicateRows(frame) == 1)
        let many = Frame(columns: [Column(name: "k", data: .int((0..<10_000).map { Int64($0 % 2500) }, missing: nil))])
        #expect(DataExploration.duplicateRows(many) == 7500)
    }
}

@Suite("Stacked ensembles")
struct StackingTests {
    @Test("a stacked candidate is scored out of fold over the kept candidates, and kept only when it is the best")
    func stackedCandidate() throws {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.maxCandidates = 8
        settings.threads = 1
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
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.trials = [
            .init(pipeline: "dpp0", algorithm: .xgboost, hyperparameters: ["num_round": 30, "max_depth": 3])
        ]
        settings.threads = 1
        let table = Generated.table(rows: 600, seed: 2)
        let job = AutopilotJob(frame: table, settings: settings)
        let bag = try job.tune(analysis: try job.analyze()).model  // 5 fold models
        let scores = try #require(try bag.scores(table))
        let labels = job.analysis!.target.labels
        let fitted = try #require(
            Stacker.fit(
                members: [scores, scores.map { 1 - $0 }], labels: labels, problem: .binary, classes: 2, seed: 0))
        let model = TrainedModel.stacked(
            [bag, bag], fitted.stacker, target: job.analysis!.target, threshold: 0.5)
        let (archive, files) = try ModelArchive.make(model)
        #expect(archive.members.count == 10 && archive.members.map(\.group) == (0..<10).map { $0 / 5 })
        let restored = try archive.restore { name throws(AutopilotError) in files[name] ?? [] }
        #expect(try restored.predict(table).scores == model.predict(table).scores)
    }
}

@Suite("Scoring large frames")
struct LargeFrameScoringTests {
    @Test("a frame of more rows than are scored at once gets the scores its parts get")
    func slices() throws {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.maxCandidates = 6
        settings.threads = 1
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

@Suite("The trial schedule")
struct ScheduleTests {
    @Test("without categorical features, the tree pipelines that would repeat dpp0's matrix are not tried")
    func numericOnly() throws {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value", "color"]
        settings.maxCandidates = 12
        settings.threads = 1
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        let pipelines = Set(outcome.candidates.filter { $0.algorithm.isTrees }.map(\.pipeline))
        #expect(pipelines == ["dpp0"])
        let settingsTried = outcome.candidates.filter { $0.algorithm == .xgboost }.map(\.hyperparameters)
        #expect(Set(settingsTried.map(\.summary)).count == settingsTried.count, "no setting tried twice")
    }
}
