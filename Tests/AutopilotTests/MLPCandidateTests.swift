import Foundation
import Learners
import Testing

@testable import Autopilot

@Suite("MLP candidates")
struct MLPCandidateTests {
    /// Small data learns quickly with a larger step and smaller batches.
    static let quick = MLP.Parameters(
        hiddenLayers: [32], learningRate: 0.01, weightDecay: 1e-4, batchSize: 32,
        maxEpochs: 60, patience: 8, seed: 1)

    @Test("hyperparameters map onto parameters; the search defaults are the parameters' defaults")
    func hyperparameters() {
        let p = MLP.Parameters.parameters(
            from: [
                "hidden_units": 128, "hidden_layers": 3, "learning_rate": 0.003,
                "weight_decay": 0.01, "batch_size": 100,
            ], seed: 5)
        #expect(p.hiddenLayers == [128, 64, 32])
        #expect(p.learningRate == 0.003)
        #expect(p.weightDecay == 0.01)
        #expect(p.batchSize == 100)
        #expect(p.seed == 5)
        #expect(MLP.Parameters.parameters(from: SearchSpace.mlpDefaults, seed: 2) == MLP.Parameters(seed: 2))
        #expect(MLP.Parameters.parameters(from: [:], seed: 2) == MLP.Parameters(seed: 2))
        for range in SearchSpace.mlp { #expect(SearchSpace.mlpDefaults[range.name] != nil) }
    }

    @Test("a model with an MLP member stored as files and restored predicts exactly the same")
    func archive() throws {
        let table = Generated.table(rows: 300, seed: 4)
        let target = try TargetAnalysis.analyze(table, target: "binary", problem: nil)
        let plan = FeaturePlan.make(table, target: "binary", exclude: ["id", "multi", "value"])
        let definition = PipelineDefinition(
            name: "dpp2", encoding: .oneHot(threshold: 10), imputeMedian: true,
            missingIndicators: true, standardize: true)
        let pipeline = FittedPipeline.fit(definition, plan: plan, frame: table, rows: Array(0..<table.rowCount))
        let data = try pipeline.transform(table)
        let mlp = MLP.fit(data, labels: target.labels, problem: .binary, classes: 2, parameters: Self.quick)
        let model = TrainedModel.mlp(mlp).with(pipeline: pipeline, target: target, threshold: 0.4)

        let (archive, files) = try ModelArchive.make(model)
        #expect(archive.members.map(\.algorithm) == [.mlp])
        #expect(files.isEmpty)
        let decoded = try JSONDecoder().decode(ModelArchive.self, from: JSONEncoder().encode(archive))
        #expect(decoded.members.first?.mlp == mlp)
        let restored = try decoded.restore { name throws(AutopilotError) in files[name] ?? [] }
        let fresh = Generated.table(rows: 80, seed: 11, withUnknownColor: true)
        let expected = try model.predict(fresh)
        #expect(try restored.predict(fresh).scores == expected.scores)
        #expect(try restored.predict(fresh).labels == expected.labels)
        let (names, codes) = fresh.column(named: "binary")!.categoryCodes()
        let truth: [Float] = codes.map { $0.map { names[$0] == target.classes[1] ? 1 : 0 } ?? 0 }
        let auc = Evaluation.metrics(
            problem: .binary, labels: truth, scores: expected.scores, classes: 2,
            threshold: 0.5
        ).metrics[Metric.auc.rawValue]!
        #expect(auc > 0.9)
    }
}
