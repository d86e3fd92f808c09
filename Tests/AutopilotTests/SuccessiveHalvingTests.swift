import Foundation
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
        settings.sampleLadderRows = 600
        settings.maxCandidates = candidates
        settings.maxRuntime = 600
        settings.threads = 1
        return settings
    }

    @Test("sample sizes grow fourfold up to every row; a size is skipped when the next is not twice as large")
    func sizes() {
        #expect(SampleLadder.sizes(rows: 800_000, first: 25_000, from: 50_000) == [25_000, 100_000, 400_000, 800_000])
        #expect(SampleLadder.sizes(rows: 120_000, first: 25_000, from: 50_000) == [25_000, 120_000])
        #expect(SampleLadder.sizes(rows: 40_000, first: 25_000, from: 50_000) == [40_000])
    }

    @Test("a move onto every row may take half the time left; a sample's trials only the search's limits")
    func moveLimit() throws {
        let halving = SuccessiveHalving(sizes: [10_000, 40_000, 160_000, 640_000])
        let now = Date(timeIntervalSinceReferenceDate: 1000)
        let limit = try #require(halving.limit(rung: 3, now: now, deadline: now.addingTimeInterval(70)))
        #expect(limit.date == now.addingTimeInterval(35))
        #expect(limit.reason == "half the time left")
        #expect(halving.limit(rung: 3, now: now, deadline: now.addingTimeInterval(-5))?.date == now)
        #expect(halving.limit(rung: 2, now: now, deadline: now.addingTimeInterval(70)) == nil)
        #expect(SuccessiveHalving(sizes: [4800]).limit(rung: 0, now: now, deadline: now.addingTimeInterval(70)) == nil)
    }

    @Test("samples are nested and keep each class's share")
    func stratifiedNested() {
        let rows = Array(0..<4800)
        let strata = rows.map { UInt32($0 % 10 == 0 ? 1 : 0) }  // 10% positive
        let ladder = SampleLadder(trainRows: rows, strata: strata, first: 300, from: 600, seed: 3)
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
        // Every larger sample's candidate repeats one of the next smaller sample's settings (but
        // for the rounds boosting may take, cut short on the first sample).
        func tuned(_ c: Candidate) -> [String: Double] { c.hyperparameters.values.filter { $0.key != "num_round" } }
        for (smaller, larger) in [(300, 1200), (1200, 4800)] {
            for candidate in bySize[larger]! {
                #expect(
                    bySize[smaller]!.contains {
                        tuned($0) == tuned(candidate) && $0.pipeline == candidate.pipeline
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

    @Test("on a sample, candidates are scored on the validation rows early stopping watches; on every row, on all")
    func sampleValidation() {
        let train = Array(0..<200_000), valid = Array(200_000..<260_000)
        let ladder = SampleLadder(trainRows: train, strata: nil, first: 10_000, from: 50_000, seed: 1)
        let splits = TrainingData.splits(ladder, validRows: valid)
        #expect(splits.map { $0[0].train.count } == [10_000, 40_000, 200_000])
        #expect(splits.map { $0[0].valid.count } == [20_000, 20_000, 60_000])
        #expect(splits[0][0].valid == TrainingData.watched(valid))
        #expect(splits[2][0].valid == valid)
    }

    @Test("candidates scored on every validation row rank first; among them the metric decides")
    func rankedScoredOnAll() {
        func candidate(_ name: String, _ auc: Double, rows: Int?) -> Candidate {
            Candidate(
                name: name, algorithm: .xgboost, pipeline: "dpp0", hyperparameters: Hyperparameters([:]),
                metrics: ["AUC": auc], threshold: 0.5, rounds: 10, trainingSeconds: 1, sampleRows: rows)
        }
        let list = [
            candidate("small", 0.90, rows: 300), candidate("all", 0.80, rows: 4800),
            candidate("ensemble", 0.85, rows: nil), candidate("all-nan", .nan, rows: 4800),
        ]
        #expect(AutopilotJob.ranked(list, metric: .auc).map(\.name) == ["ensemble", "all", "all-nan", "small"])
        #expect(AutopilotJob.best(list, metric: .auc)?.name == "ensemble")
        #expect(AutopilotJob.best([list[0], list[3]], metric: .auc)?.name == "small")
        // Without samples the metric alone decides.
        let plain = list.map {
            var c = $0; c.sampleRows = nil; return c
        }
        #expect(AutopilotJob.ranked(plain, metric: .auc).first?.name == "small")
    }

    @Test("boosting on the first sample runs a screen's rounds, scored every quarter; moved up, early stopping decides")
    func firstSampleRounds() throws {
        // A first sample of 1,200 rows: on 300, boosting trails the linear learner and stays there.
        var settings = settings(candidates: 24)
        settings.firstSampleRows = 1200
        let job = AutopilotJob(frame: Generated.table(rows: 6000, seed: 6), settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        let boosted = outcome.candidates.filter { $0.algorithm == .xgboost }
        let first = boosted.filter { $0.sampleRows == 1200 }, larger = boosted.filter { ($0.sampleRows ?? 0) > 1200 }
        #expect(!first.isEmpty && !larger.isEmpty)
        #expect(first.allSatisfy { $0.hyperparameters["num_round"] == Double(SuccessiveHalving.firstRounds) })
        #expect(
            first.allSatisfy {
                ($0.rounds ?? .max) <= SuccessiveHalving.firstRounds
                    && ($0.rounds ?? 0) % (SuccessiveHalving.firstRounds / 4) == 0
            })
        #expect(larger.allSatisfy { $0.hyperparameters["num_round"] == 2000 })
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
