import Foundation
import Frames
import Learners
import Testing

@testable import Autopilot

@Suite("Extra-trees candidates")
struct ExtraTreesCandidateTests {
    @Test("hyperparameters map onto parameters; max_features left out means scikit-learn's default")
    func hyperparameters() {
        let p = ExtraTrees.Parameters.parameters(from: [
            "n_estimators": 150, "max_features": 0.4, "min_samples_leaf": 3,
        ])
        #expect(p == ExtraTrees.Parameters(trees: 150, maxFeatures: 0.4, minSamplesLeaf: 3))
        #expect(ExtraTrees.Parameters.parameters(from: SearchSpace.extraTreesDefaults) == ExtraTrees.Parameters())
        #expect(ExtraTrees.Parameters.parameters(from: ["max_features": 7]).maxFeatures == 1)
        #expect(
            AutopilotJob.hyperparameterNames(for: .extraTrees) == [
                "n_estimators", "max_features", "min_samples_leaf", "max_leaves",
            ])
    }

    @Test("the schedule tries extra trees on dpp2 as its seventh trial, then searches near the best")
    func scheduled() throws {
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: .binary(candidates: 20))
        let outcome = try job.tune(analysis: try job.analyze())
        let forests = outcome.candidates.filter { $0.algorithm == .extraTrees }
        #expect(forests.first?.name == "et-dpp2-007")
        // The defaults, with the leaves that keep eight forests (one a fold) of 100 trees within
        // the budget.
        let leaves = ExtraTrees.Parameters.leaves(
            bytes: AutopilotJob.extraTreesBytes, trees: 100, forests: 8, outputs: 1)
        #expect(
            forests.first?.hyperparameters.values
                == SearchSpace.extraTreesDefaults.merging(["max_leaves": Double(leaves)]) { $1 })
        #expect(leaves == 5242)
        #expect(forests.allSatisfy { $0.hyperparameters["max_leaves"] != nil })
        #expect(forests.count >= 2)
        #expect(forests.allSatisfy { $0.pipeline == "dpp2" && ($0.metrics["AUC"] ?? 0) > 0.85 })
    }

    @Test("multiclass extra trees in 8-fold bags: stored as files and restored, the same scores")
    func archive() throws {
        var settings = AutopilotSettings(target: "multi")
        settings.exclude = ["id", "binary", "value"]
        settings.trials = [.init(pipeline: "dpp2", algorithm: .extraTrees, hyperparameters: ["n_estimators": 30])]
        settings.threads = 2
        let table = Generated.table(rows: 500, seed: 3)
        let job = AutopilotJob(frame: table, settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        #expect(outcome.best.algorithm == .extraTrees)
        let (archive, files) = try ModelArchive.make(outcome.model)
        #expect(archive.members.count == 8)
        #expect(archive.members.allSatisfy { $0.algorithm == .extraTrees && $0.extraTrees?.trees.count == 30 })
        #expect(files.isEmpty)
        let decoded = try JSONDecoder().decode(ModelArchive.self, from: JSONEncoder().encode(archive))
        let restored = try decoded.restore { name throws(AutopilotError) in files[name] ?? [] }
        let fresh = Generated.table(rows: 60, seed: 12, withUnknownColor: true)
        #expect(try restored.predict(fresh).scores == outcome.model.predict(fresh).scores)
        #expect(try restored.predict(fresh).labels == outcome.model.predict(fresh).labels)
        // `multi` is x1 cut in three: explain puts x1 first.
        let importance = try FeatureImportance.of(outcome.model, on: table)
        #expect(importance.first?.feature == "x1")
        #expect(Set(importance.map(\.feature)) == ["x1", "x2", "color"])
    }

    @Test("a tree's leaves are bounded so that a candidate's forests fit the memory budget")
    func leafBudget() {
        let mib = 1 << 20
        #expect(ExtraTrees.Parameters.leaves(bytes: 128 * mib, trees: 300, forests: 5, outputs: 1) == 2796)
        #expect(ExtraTrees.Parameters.leaves(bytes: 128 * mib, trees: 100, forests: 5, outputs: 10) == 2581)
        #expect(ExtraTrees.Parameters.leaves(bytes: 128 * mib, trees: 50, forests: 1, outputs: 1) == 16_384)
        #expect(ExtraTrees.Parameters.leaves(bytes: mib, trees: 300, forests: 5, outputs: 1) == 256)
        #expect(ExtraTrees.Parameters.parameters(from: ["max_leaves": 300]).maxLeaves == 300)
        #expect(ExtraTrees.Parameters.parameters(from: [:]).maxLeaves == 4096)
    }

    @Test("while extra trees lead, fresh draws that would grow XGBoost level by level go to extra trees")
    func leaderDraws() throws {
        let job = AutopilotJob(frame: Generated.table(rows: 300, seed: 2), settings: .binary(candidates: 30))
        _ = try job.analyze()
        func candidate(_ algorithm: Algorithm, auc: Double) -> Candidate {
            Candidate(
                name: algorithm.rawValue, algorithm: algorithm, pipeline: "dpp0", hyperparameters: Hyperparameters([:]),
                metrics: ["AUC": auc, "F1": auc], threshold: nil, rounds: nil, trainingSeconds: 0)
        }
        let etLeads = [candidate(.xgboost, auc: 0.90), candidate(.extraTrees, auc: 0.95)]
        let xgboostLeads = [candidate(.xgboost, auc: 0.95), candidate(.extraTrees, auc: 0.90)]
        var generator = SplitMix64(seed: 1)
        // Trial 15 is a fresh level-by-level draw, trial 12 a fresh leaf-by-leaf one.
        #expect(job.nextTrial(15, candidates: etLeads, generator: &generator).1 == .extraTrees)
        let depthWise = job.nextTrial(15, candidates: xgboostLeads, generator: &generator)
        #expect(depthWise.1 == .xgboost && depthWise.2["max_depth"] != nil)
        let leafWise = job.nextTrial(12, candidates: etLeads, generator: &generator)
        #expect(leafWise.1 == .xgboost && leafWise.2["max_leaves"] != nil)
    }

    @Test("on accuracy ties the lower log loss ranks first; without a log loss the earlier candidate does")
    func ties() {
        func candidate(_ name: String, _ metrics: [String: Double]) -> Candidate {
            Candidate(
                name: name, algorithm: .xgboost, pipeline: "dpp0", hyperparameters: Hyperparameters([:]),
                metrics: metrics, threshold: nil, rounds: nil, trainingSeconds: 0)
        }
        let a = candidate("a", ["Accuracy": 0.9, "LogLoss": 0.30])
        let b = candidate("b", ["Accuracy": 0.9, "LogLoss": 0.20])
        let c = candidate("c", ["Accuracy": 0.95, "LogLoss": 0.50])
        #expect(AutopilotJob.ranked([a, b, c], metric: .accuracy).map(\.name) == ["c", "b", "a"])
        #expect(AutopilotJob.best([a, b], metric: .accuracy)?.name == "b")
        let x = candidate("x", ["RMSE": 2]), y = candidate("y", ["RMSE": 2])
        #expect(AutopilotJob.ranked([x, y], metric: .rmse).map(\.name) == ["x", "y"])
        #expect(AutopilotJob.best([x, y], metric: .rmse)?.name == "x")
    }
}
