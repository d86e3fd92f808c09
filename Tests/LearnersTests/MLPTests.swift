import Foundation
import Frames
import Testing
@testable import Learners

@Suite("MLP learner")
struct MLPTests {
    /// `rows` rows of `columns` uniform numbers in [-1, 1] and a label per row from `label`.
    static func data(rows: Int, columns: Int = 4, seed: UInt64, label: ([Float]) -> Float) -> (DesignMatrix, [Float]) {
        var generator = SplitMix64(seed: seed)
        var values: [Float] = [], labels: [Float] = []
        for _ in 0..<rows {
            let row = (0..<columns).map { _ in Float(Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1) }
            values += row
            labels.append(label(row))
        }
        return (matrix(values, columns: columns), labels)
    }

    static func matrix(_ values: [Float], columns: Int) -> DesignMatrix {
        DesignMatrix(values: values, rows: values.count / columns, columns: columns,
                     kinds: Array(repeating: .numeric, count: columns), names: (0..<columns).map { "x\($0)" })
    }

    /// Small data learns quickly with a larger step and smaller batches.
    static let quick = MLP.Parameters(hiddenLayers: [32], learningRate: 0.01, weightDecay: 1e-4, batchSize: 32, maxEpochs: 60,
                                      patience: 8, seed: 1)

    /// y = 1 where x0 and x1 have the same sign; x2 and x3 are noise. No line separates it.
    static func xor(rows: Int, seed: UInt64) -> (DesignMatrix, [Float]) {
        data(rows: rows, seed: seed) { $0[0] * $0[1] > 0 ? 1 : 0 }
    }

    static func auc(_ labels: [Float], _ scores: [Float]) -> Double {
        BinaryMetrics.auc(labels: labels, scores: scores)
    }

    /// The most probable class of each row of `scores` (row-major, `classes` a row).
    static func argmax(_ scores: [Float], classes: Int) -> [Int] {
        stride(from: 0, to: scores.count, by: classes).map { start in
            (0..<classes).max { scores[start + $0] < scores[start + $1] }!
        }
    }

    @Test("binary: learns XOR, which the linear model cannot")
    func binaryXOR() {
        let (train, labels) = Self.xor(rows: 1500, seed: 1)
        let (test, truth) = Self.xor(rows: 500, seed: 2)
        let mlp = MLP.fit(train, labels: labels, problem: .binary, classes: 2, parameters: Self.quick)
        let linear = LinearModel.fit(train, labels: labels, problem: .binary, classes: 2, l2: 1)
        let scores = mlp.scores(test)
        #expect(scores.count == 500)
        #expect(scores.allSatisfy { $0 >= 0 && $0 <= 1 })
        let mlpAUC = Self.auc(truth, scores), linearAUC = Self.auc(truth, linear.scores(test))
        #expect(mlpAUC > 0.95)
        #expect(linearAUC < 0.65)
        #expect(mlpAUC > linearAUC + 0.3)
    }

    @Test("multiclass: rings; probabilities sum to 1, accuracy well above chance")
    func multiclassRings() {
        func ring(_ x: [Float]) -> Float {
            let r = (x[0] * x[0] + x[1] * x[1]).squareRoot()
            return r < 0.5 ? 0 : (r < 0.9 ? 1 : 2)
        }
        let (train, labels) = Self.data(rows: 1500, seed: 3, label: ring)
        let (test, truth) = Self.data(rows: 500, seed: 4, label: ring)
        let mlp = MLP.fit(train, labels: labels, problem: .multiclass, classes: 3, parameters: Self.quick)
        let scores = mlp.scores(test)
        #expect(scores.count == 500 * 3)
        for row in 0..<500 {
            let p = scores[(row * 3)..<(row * 3 + 3)]
            #expect(abs(p.reduce(0, +) - 1) < 1e-4)
            #expect(p.allSatisfy { $0 >= 0 })
        }
        let predicted = Self.argmax(scores, classes: 3)
        let accuracy = Double(zip(predicted, truth).filter { Float($0) == $1 }.count) / 500
        let majority = Double((0..<3).map { c in truth.filter { $0 == Float(c) }.count }.max()!) / 500
        #expect(majority < 0.5)
        #expect(accuracy > 0.85)
    }

    @Test("regression: a curved function, in its own units")
    func regression() {
        // Far from 0 and wide, so scores only fit when the target's scaling is undone.
        func curve(_ x: [Float]) -> Float { 100 + 20 * sin(3 * x[0]) + 30 * x[1] * x[1] }
        let (train, labels) = Self.data(rows: 1500, seed: 5, label: curve)
        let (test, truth) = Self.data(rows: 500, seed: 6, label: curve)
        let mlp = MLP.fit(train, labels: labels, problem: .regression, classes: 0, parameters: Self.quick)
        let r2 = RegressionMetrics.r2(truth, mlp.scores(test))
        #expect(r2 > 0.9)
    }

    @Test("the same data, parameters and seed give bitwise the same weights; another seed does not")
    func deterministic() {
        let (train, labels) = Self.xor(rows: 400, seed: 7)
        func bits(_ seed: UInt64) -> [UInt32] {
            var parameters = Self.quick
            parameters.seed = seed
            parameters.maxEpochs = 10
            let model = MLP.fit(train, labels: labels, problem: .binary, classes: 2, parameters: parameters)
            return model.layers.flatMap { $0.weights + $0.biases }.map(\.bitPattern)
        }
        #expect(bits(3) == bits(3))
        #expect(bits(3) != bits(4))
    }

    @Test("a model through JSON scores bitwise the same")
    func codable() throws {
        let (train, labels) = Self.data(rows: 300, seed: 8) { $0[0] + $0[2] }
        var parameters = Self.quick
        parameters.hiddenLayers = [16, 8]
        let mlp = MLP.fit(train, labels: labels, problem: .regression, classes: 0, parameters: parameters)
        let decoded = try JSONDecoder().decode(MLP.self, from: JSONEncoder().encode(mlp))
        #expect(decoded == mlp)
        let (test, _) = Self.data(rows: 100, seed: 9) { _ in 0 }
        #expect(decoded.scores(test).map(\.bitPattern) == mlp.scores(test).map(\.bitPattern))
    }

    @Test("missing inputs count as 0, in training and in scoring", arguments: ProblemType.allCases)
    func missingInputs(problem: ProblemType) {
        var (train, labels) = Self.data(rows: 300, seed: 10) { $0[0] > 0 ? 1 : 0 }
        for i in stride(from: 0, to: train.values.count, by: 7) { train.values[i] = .nan }
        var parameters = Self.quick
        parameters.maxEpochs = 5
        let mlp = MLP.fit(train, labels: labels, problem: problem, classes: 2, parameters: parameters)
        let scores = mlp.scores(Self.matrix([.nan, .nan, .infinity, 0.5, 0, 0, 0, 0.5], columns: 4))
        #expect(scores.allSatisfy { $0.isFinite })
        #expect(scores.count == (problem == .multiclass ? 4 : 2))
        let width = scores.count / 2
        #expect(scores[..<width] == scores[width...])
    }

    @Test("with validation rows, the best epoch's weights are kept and training stops when they stop improving")
    func earlyStopping() {
        // Labels are coin flips: nothing generalises, so the validation loss soon stops falling.
        var generator = SplitMix64(seed: 11)
        let (train, _) = Self.data(rows: 400, seed: 11) { _ in 0 }
        let labels = (0..<400).map { _ in Float(generator.next() % 2) }
        let (valid, validLabels) = Self.data(rows: 200, seed: 12) { _ in Float(generator.next() % 2) }
        var parameters = Self.quick
        parameters.maxEpochs = 200
        parameters.patience = 3
        let mlp = MLP.fit(train, labels: labels, problem: .binary, classes: 2, parameters: parameters,
                          validation: (valid, validLabels))
        #expect(mlp.epochs < 50)
        let cancelled = MLP.fit(train, labels: labels, problem: .binary, classes: 2, parameters: parameters,
                                validation: (valid, validLabels), isCancelled: { true })
        #expect(cancelled.epochs == 0)
        #expect(cancelled.scores(valid).allSatisfy { $0.isFinite })
    }
}
