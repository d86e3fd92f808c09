import Foundation
import Frames
import Testing

@testable import Autopilot

@Suite("Sparse one-hot encoding")
struct SparseOneHotTests {
    /// A frame of one number and one category of `levels` levels, each seen `perLevel` times.
    static func frame(levels: Int, perLevel: Int) -> Frame {
        var csv = "x,kind,y\n"
        for row in 0..<(levels * perLevel) {
            let level = row % levels
            csv += "\(Double(row) / 10),k\(level),\(level % 2 == 0 ? "yes" : "no")\n"
        }
        csv += ",,no\n"
        return Generated.frame(csv)
    }

    static func pipeline(sparse: Bool, frame: Frame) -> FittedPipeline {
        let definition = PipelineDefinition(
            name: "dpp1", encoding: .oneHot(threshold: 2), imputeMedian: false, missingIndicators: false,
            standardize: false, sparseOneHot: sparse)
        let plan = FeaturePlan.make(frame, target: "y", exclude: [])
        return FittedPipeline.fit(definition, plan: plan, frame: frame, rows: Array(0..<frame.rowCount))
    }

    @Test("a row's category is 1 and the others missing (0 when dense); a missing category is all missing")
    func values() throws {
        let frame = Self.frame(levels: 3, perLevel: 4)
        let sparse = try Self.pipeline(sparse: true, frame: frame).transform(frame, rows: [0, 12])
        let dense = try Self.pipeline(sparse: false, frame: frame).transform(frame, rows: [0, 12])
        #expect(sparse.names == ["x", "kind=k0", "kind=k1", "kind=k2"])
        #expect(sparse.values[0] == 0 && sparse.values[1] == 1 && sparse.values[2].isNaN && sparse.values[3].isNaN)
        #expect(Array(dense.values[0..<4]) == [0, 1, 0, 0])
        let lastRow = sparse.values[4...].allSatisfy { $0.isNaN }
        #expect(lastRow, "the last row has no number and no category")
        #expect(dense.values[4].isNaN && Array(dense.values[5...]) == [0, 0, 0])
    }

    @Test("sparse one-hot keeps up to 256 levels a column, dense one-hot 32")
    func levels() {
        let frame = Self.frame(levels: 300, perLevel: 2)
        #expect(Self.pipeline(sparse: true, frame: frame).categorical[0].categories.count == 256)
        #expect(Self.pipeline(sparse: false, frame: frame).categorical[0].categories.count == 32)
    }

    @Test("the candidate definitions say which one-hot a pipeline uses")
    func summary() {
        let frame = Self.frame(levels: 3, perLevel: 4)
        #expect(Self.pipeline(sparse: true, frame: frame).definition.summary == "sparse one-hot(≥2)")
        #expect(Self.pipeline(sparse: false, frame: frame).definition.summary == "one-hot(≥2)")
    }

    @Test("a pipeline saved before sparse one-hot existed reads as dense; a sparse one round-trips")
    func decoding() throws {
        let old = Data(
            #"{"name":"dpp1","encoding":{"oneHot":{"threshold":5}},"imputeMedian":false,"missingIndicators":false,"standardize":false}"#
                .utf8)
        let decoded = try JSONDecoder().decode(PipelineDefinition.self, from: old)
        #expect(decoded.sparseOneHot == false)
        #expect(decoded.encoding == .oneHot(threshold: 5))
        let sparse = PipelineDefinition(
            name: "dpp1", encoding: .oneHot(threshold: 5), imputeMedian: false, missingIndicators: false,
            standardize: false, sparseOneHot: true)
        #expect(try JSONDecoder().decode(PipelineDefinition.self, from: JSONEncoder().encode(sparse)) == sparse)
    }

    @Test("XGBoost learns the same from sparse one-hot as from dense one-hot")
    func sameModel() throws {
        var settings = AutopilotSettings.binary(candidates: 4)
        settings.trials = [
            .init(pipeline: "dpp1", algorithm: .xgboost, hyperparameters: ["max_depth": 3, "num_round": 60])
        ]
        let table = Generated.table(rows: 600, seed: 5)
        let job = AutopilotJob(frame: table, settings: settings)
        let analysis = try job.analyze()
        #expect(analysis.pipelines.first { $0.name == "dpp1" }?.sparseOneHot == true)
        let sparse = try job.tune(analysis: analysis)
        var dense = analysis
        dense.pipelines = analysis.pipelines.map {
            var p = $0; p.sparseOneHot = false; return p
        }
        let again = try AutopilotJob(frame: table, settings: settings).tune(analysis: dense)
        let auc = { (o: AutopilotJob.Outcome) in o.best.metric(.auc) ?? 0 }
        #expect(auc(sparse) > 0.9)
        #expect(abs(auc(sparse) - auc(again)) < 0.01)
    }
}
