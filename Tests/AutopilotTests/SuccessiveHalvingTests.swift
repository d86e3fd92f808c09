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
        // ASHA: only those in the best quarter of a sample when they move up (so few), and the
        // best one pushed up when its time is due before a quarter of four was scored.
        #expect(bySize[300]!.count >= 16)
        #expect((4...(bySize[300]!.count / 3)).contains(bySize[1200]!.count))
        #expect((1...(bySize[1200]!.count / 4 + 1)).contains(bySize[4800]!.count))
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
