import Foundation
import Testing
@testable import Learners

@Suite("The XGBoost wrapper")
struct XGBoostTests {
    let train = SyntheticData.binary(rows: 2000, seed: 1)
    let test = SyntheticData.binary(rows: 1000, seed: 2)

    func fit(_ parameters: [String: String] = [:], rounds: Int = 40, categorical: Bool = false) throws -> Booster {
        let kinds: [DMatrix.FeatureKind]? = categorical ? [.numeric, .numeric, .categorical, .numeric] : nil
        let matrix = try DMatrix(values: train.values, rows: train.rows, columns: 4, labels: train.labels, kinds: kinds)
        var all = ["objective": "binary:logistic", "max_depth": "4", "eta": "0.3", "nthread": "2", "seed": "0",
                   "tree_method": "hist"]
        if categorical { all["max_cat_to_onehot"] = "1" }
        all.merge(parameters) { $1 }
        let booster = try Booster(parameters: all, cache: [matrix])
        for round in 0..<rounds { try booster.update(round: round, train: matrix) }
        return booster
    }

    func testMatrix(categorical: Bool = false) throws -> DMatrix {
        try DMatrix(values: test.values, rows: test.rows, columns: 4,
                    kinds: categorical ? [.numeric, .numeric, .categorical, .numeric] : nil)
    }

    @Test("trains a binary classifier that separates held-out data")
    func trains() throws {
        let booster = try fit()
        let (scores, perRow) = try booster.predict(try testMatrix())
        #expect(perRow == 1)
        #expect(scores.count == test.rows)
        #expect(BinaryMetrics.auc(labels: test.labels, scores: scores) > 0.97)
        #expect(try booster.rounds == 40)
    }

    @Test("max_leaves grows trees leaf by leaf, with no depth limit")
    func leafWise() throws {
        let p = XGBoostTrainer.parameters(
            ["max_leaves": 14, "colsample_bylevel": 0.5], problem: .binary, classes: 2, seed: 0, threads: 1,
            labels: [0, 1])
        #expect(p["grow_policy"] == "lossguide")
        #expect(p["max_leaves"] == "14")
        #expect(p["max_depth"] == "0")
        #expect(p["colsample_bylevel"] == "0.5")
        let depthWise = XGBoostTrainer.parameters(
            ["max_depth": 4], problem: .binary, classes: 2, seed: 0, threads: 1, labels: [0, 1])
        #expect(depthWise["grow_policy"] == nil && depthWise["max_depth"] == "4")
        let both = XGBoostTrainer.parameters(
            ["max_leaves": 14, "max_depth": 5], problem: .binary, classes: 2, seed: 0, threads: 1, labels: [0, 1])
        #expect(both["grow_policy"] == "lossguide" && both["max_depth"] == "5", "a depth given too still bounds")
        let booster = try fit(["grow_policy": "lossguide", "max_leaves": "6", "max_depth": "0"])
        let (scores, _) = try booster.predict(try testMatrix())
        #expect(BinaryMetrics.auc(labels: test.labels, scores: scores) > 0.95)
    }

    @Test("native categorical splits train on category codes")
    func categorical() throws {
        let booster = try fit(categorical: true)
        let (scores, _) = try booster.predict(try testMatrix(categorical: true))
        #expect(BinaryMetrics.auc(labels: test.labels, scores: scores) > 0.97)
    }

    @Test("the same seed gives the same model, byte for byte")
    func deterministic() throws {
        let a = try fit(["subsample": "0.8", "colsample_bytree": "0.8"]).serialized()
        let b = try fit(["subsample": "0.8", "colsample_bytree": "0.8"]).serialized()
        #expect(a == b)
    }

    @Test("the training matrices can go once training is over")
    func releaseCache() throws {
        let booster = try fit()
        let before = try booster.predict(try testMatrix()).values
        booster.releaseCachedMatrices()
        #expect(try booster.predict(try testMatrix()).values == before)
        try booster.update(round: 40, train: try DMatrix(values: train.values, rows: train.rows, columns: 4, labels: train.labels))
        #expect(try booster.rounds == 41)
    }

    @Test("a saved JSON model loads back and predicts the same")
    func saveAndLoad() throws {
        let booster = try fit()
        let json = try booster.serialized()
        #expect(String(decoding: json.prefix(1), as: UTF8.self) == "{")
        let loaded = try Booster(model: json)
        #expect(try loaded.predict(try testMatrix()).values == booster.predict(try testMatrix()).values)
    }

    @Test("SHAP contributions add up to the margin")
    func contributions() throws {
        let booster = try fit(rounds: 10)
        let matrix = try testMatrix()
        let (contributions, perRow) = try booster.predict(matrix, .contributions)
        let (margins, _) = try booster.predict(matrix, .margin)
        #expect(perRow == 5)
        for row in 0..<10 {
            let sum = contributions[(row * perRow)..<((row + 1) * perRow)].reduce(0, +)
            #expect(abs(sum - margins[row]) < 1e-4)
        }
    }

    @Test("XGBoost errors keep their first line, without the C++ file and line")
    func errors() throws {
        let matrix = try DMatrix(values: train.values, rows: train.rows, columns: 4, labels: train.labels)
        let booster = try Booster(parameters: ["objective": "no:such"], cache: [matrix])
        do {
            try booster.update(round: 0, train: matrix)
            Issue.record("expected an error")
        } catch {
            #expect(error.function == "XGBoosterUpdateOneIter")
            #expect(!error.message.contains(".cc:"))
            #expect(error.message.contains("no:such"))
            #expect(error.raw.count >= error.message.count)
        }
        #expect(throws: XGBoostError.self) { _ = try Booster(model: Array("not json".utf8)) }
    }

    @Test("evaluation lines name the metric")
    func evaluation() throws {
        let booster = try fit(["eval_metric": "auc"], rounds: 3)
        let line = try booster.evaluate(round: 2, on: [(try DMatrix(values: test.values, rows: test.rows, columns: 4,
                                                                   labels: test.labels), "valid")])
        #expect(line.hasPrefix("[2]\tvalid-auc:"))
    }

    @Test("early stopping looks at the validation rows every evaluationStride rounds; scored once, none stop early")
    func evaluationStride() throws {
        // Labels that are noise: the validation loss is worst after many rounds.
        var generator = SyntheticData.Generator(seed: 5)
        let noise = (0..<train.rows).map { _ in Float(generator.next() % 2) }
        let matrix = try DMatrix(values: train.values, rows: train.rows, columns: 4, labels: noise)
        let valid = try DMatrix(
            values: test.values, rows: test.rows, columns: 4, labels: Array(noise.prefix(test.rows)))
        func rounds(stride: Int) throws -> Int {
            try XGBoostTrainer.fit(
                train: matrix, trainLabels: noise, valid: valid, hyperparameters: ["num_round": 60, "max_depth": 6],
                problem: .binary, classes: 2, seed: 0, threads: 1, patience: 5, evaluationStride: stride,
                shouldStop: { false }
            ).rounds
        }
        #expect(try rounds(stride: 1) < 30)
        #expect(try rounds(stride: 60) == 60)
        #expect(try rounds(stride: 20) % 20 == 0, "the best of the rounds looked at")
    }
}

@Suite("Metrics")
struct MetricsTests {
    @Test("AUC by ranks, ties averaged")
    func auc() {
        #expect(BinaryMetrics.auc(labels: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8]) == 0.75)
        #expect(BinaryMetrics.auc(labels: [0, 1], scores: [0.5, 0.5]) == 0.5)
        #expect(BinaryMetrics.auc(labels: [1, 1], scores: [0.5, 0.2]).isNaN)
    }

    @Test("confusion-based metrics and the best F1 threshold")
    func confusion() {
        let labels: [Float] = [1, 0, 1, 0, 1, 0]
        let scores: [Float] = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]
        let c = BinaryMetrics.Confusion(labels: labels, scores: scores, threshold: 0.5)
        let counts: [Int] = [c.truePositives, c.falsePositives, c.trueNegatives, c.falseNegatives]
        #expect(counts == [2, 1, 2, 1])
        #expect(abs(c.f1 - 2.0 / 3.0) < 1e-12)
        let best = BinaryMetrics.bestF1Threshold(labels: labels, scores: scores)
        #expect(best.threshold == 0.2)
        #expect(abs(best.f1 - 0.75) < 1e-12)
        #expect(abs(BinaryMetrics.logLoss(labels: [1, 0], scores: [0.9, 0.1]) - 0.10536051565782628) < 1e-6)
    }

    @Test("regression and multiclass metrics")
    func others() {
        #expect(RegressionMetrics.mse([1, 2, 3], [1, 2, 5]) == 4.0 / 3.0)
        #expect(RegressionMetrics.mae([1, 2, 3], [1, 2, 5]) == 2.0 / 3.0)
        #expect(RegressionMetrics.r2([1, 2, 3], [1, 2, 3]) == 1)
        #expect(MulticlassMetrics.accuracy([0, 1, 2, 2], [0, 1, 1, 2]) == 0.75)
        #expect(abs(MulticlassMetrics.f1Macro([0, 1, 2, 2], [0, 1, 1, 2], classes: 3) - (1 + 2.0 / 3 + 2.0 / 3) / 3) < 1e-12)
    }
}

@Suite("Curves")
struct CurveTests {
    @Test("ROC goes from (0,0) to (1,1); its area is the AUC")
    func roc() {
        let labels: [Float] = [0, 0, 1, 1, 0, 1]
        let scores: [Float] = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]
        let points = Curves.roc(labels: labels, scores: scores)
        #expect(points.first == .init(x: 0, y: 0))
        #expect(points.last == .init(x: 1, y: 1))
        var area = 0.0
        for (a, b) in zip(points, points.dropFirst()) { area += (b.x - a.x) * (a.y + b.y) / 2 }
        #expect(abs(area - BinaryMetrics.auc(labels: labels, scores: scores)) < 1e-12)
        let pr = Curves.precisionRecall(labels: labels, scores: scores)
        #expect(pr.first == .init(x: 1.0 / 3.0, y: 1))
        #expect(pr.last?.x == 1)
    }
}
