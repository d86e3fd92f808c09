import Frames
import Testing

@testable import Autopilot

@Suite("The search spends its time where it pays, on a sample ladder")
struct CostAwareSearchTests {
    func candidate(
        _ name: String, _ algorithm: Algorithm, pipeline: String = "dpp3", _ metrics: [String: Double],
        seconds: Double
    ) -> Candidate {
        Candidate(
            name: name, algorithm: algorithm, pipeline: pipeline, hyperparameters: Hyperparameters([:]),
            metrics: metrics, threshold: nil, rounds: nil, trainingSeconds: seconds, sampleRows: 10_000)
    }

    @Test("a family trailing the leader has had its share at a tenth of the time, a fiftieth when far behind")
    func share() {
        let leader = candidate("xgboost-dpp3-001", .xgboost, ["AUC": 0.85], seconds: 10)
        let extraTrees = AutopilotJob.Family(.extraTrees, "dpp2")
        func shared(_ auc: Double, seconds: Double) -> Bool {
            let member = candidate("et-dpp2-002", .extraTrees, pipeline: "dpp2", ["AUC": auc], seconds: seconds)
            return AutopilotJob.hasHadItsShare(extraTrees, among: [leader, member], metric: .auc)
        }
        // Far behind (1 − 0.75 = 0.25 against 0.15): a fiftieth, 0.1 s of 10.1 s is under it.
        #expect(shared(0.75, seconds: 1))
        #expect(!shared(0.75, seconds: 0.1))
        // Within a tenth of the leader's error (0.16 ≤ 0.165): a tenth.
        #expect(shared(0.84, seconds: 2))
        #expect(!shared(0.84, seconds: 1))
        // Level with the leader: no bound.
        #expect(!shared(0.85, seconds: 100))
        // The leader's own family, and a family not tried yet, never have had it.
        let far = candidate("et-dpp2-002", .extraTrees, pipeline: "dpp2", ["AUC": 0.75], seconds: 1)
        #expect(!AutopilotJob.hasHadItsShare(.init(.xgboost, "dpp3"), among: [leader, far], metric: .auc))
        #expect(!AutopilotJob.hasHadItsShare(.init(.mlp, "dpp2"), among: [leader, far], metric: .auc))
        // XGBoost grown leaf by leaf is a family of its own.
        var leafWise = candidate("xgboost-dpp3-002", .xgboost, ["AUC": 0.84], seconds: 5)
        leafWise.hyperparameters = Hyperparameters(["max_leaves": 64])
        #expect(AutopilotJob.Family(of: leafWise) == .init(.xgboost, "dpp3", leafWise: true))
        #expect(
            AutopilotJob.hasHadItsShare(
                .init(.xgboost, "dpp3", leafWise: true), among: [leader, leafWise], metric: .auc))
        // Errors: the RMSE itself (12 against 10 trails by a fifth).
        let low = candidate("xgboost-dpp3-001", .xgboost, ["RMSE": 10], seconds: 5)
        let high = candidate("rf-dpp3-002", .randomForest, ["RMSE": 12], seconds: 5)
        #expect(AutopilotJob.hasHadItsShare(.init(.randomForest, "dpp3"), among: [low, high], metric: .rmse))
        #expect(Metric.auc.error(0.9) == 1 - 0.9 && Metric.rmse.error(3) == 3)
    }

    @Test("with cost in mind, the turn of a family that has had its share goes to XGBoost")
    func turns() throws {
        let job = AutopilotJob(frame: Generated.table(rows: 300, seed: 2), settings: .binary(candidates: 30))
        _ = try job.analyze()
        let candidates = [
            candidate("xgboost-dpp3-001", .xgboost, ["AUC": 0.9, "F1": 0.9], seconds: 5),
            candidate("linear-dpp2-002", .linear, pipeline: "dpp2", ["AUC": 0.7, "F1": 0.7], seconds: 1),
        ]
        var generator = SplitMix64(seed: 1)
        // Trial 14 is the linear learner's turn (every fifth).
        #expect(job.nextTrial(14, candidates: candidates, generator: &generator).1 == .linear)
        let instead = job.nextTrial(14, candidates: candidates, costAware: true, generator: &generator)
        #expect(instead.1 == .xgboost)
    }

    @Test("when time ends the search, a sample's best move up while the next has taken at most a third of its time")
    func timeShares() {
        let halving = SuccessiveHalving(sizes: [10_000, 40_000, 640_000])
        // Eight candidates of 1 s on the first sample, and one of 2 s or 3 s on the next.
        let first = (0..<8).map {
            candidate("xgboost-dpp3-00\($0)", .xgboost, ["AUC": 0.8 + Double($0) / 100], seconds: 1)
        }
        func promoted(afterSeconds next: Double, weighTime: Bool = true) -> String? {
            var halving = halving
            var moved = candidate("xgboost-dpp3-100", .xgboost, ["AUC": 0.9], seconds: next)
            moved.sampleRows = 40_000
            var rungs = Dictionary(uniqueKeysWithValues: first.map { ($0.name, 0) })
            rungs[moved.name] = 1
            return halving.promotion(
                candidates: first + [moved], rungs: rungs, metric: .auc, elapsed: 1, searchTime: 100,
                weighTime: weighTime)?.candidate.name
        }
        #expect(promoted(afterSeconds: 2) == "xgboost-dpp3-007", "the best of the first sample")
        #expect(promoted(afterSeconds: 3) == nil, "3 s is more than a third of 8 s")
        #expect(
            promoted(afterSeconds: 3, weighTime: false) == "xgboost-dpp3-007", "the best quarter, whatever the time")
    }
}
