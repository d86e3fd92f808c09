import Foundation
import Frames
import Testing

@testable import Learners

@Suite("Extra trees learner")
struct ExtraTreesTests {
    typealias Sample = MLPTests

    @Test("binary: learns XOR (no line separates it); probabilities in [0, 1]")
    func binaryXOR() {
        let (train, labels) = Sample.xor(rows: 1500, seed: 1)
        let (test, truth) = Sample.xor(rows: 500, seed: 2)
        let forest = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 50), seed: 3)
        let scores = forest.scores(test)
        #expect(forest.trees.count == 50)
        #expect(scores.count == 500)
        #expect(scores.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(Sample.auc(truth, scores) > 0.95)
    }

    @Test("multiclass: four quadrants; each row's class shares sum to 1")
    func multiclassQuadrants() {
        let label: ([Float]) -> Float = { Float(($0[0] > 0 ? 1 : 0) + ($0[1] > 0 ? 2 : 0)) }
        let (train, labels) = Sample.data(rows: 2000, seed: 4, label: label)
        let (test, truth) = Sample.data(rows: 500, seed: 5, label: label)
        let forest = ExtraTrees.fit(
            train, labels: labels, problem: .multiclass, classes: 4, parameters: .init(trees: 60), seed: 6)
        let scores = forest.scores(test)
        #expect(scores.count == 500 * 4)
        for row in 0..<500 { #expect(abs(scores[(row * 4)..<(row * 4 + 4)].reduce(0, +) - 1) < 1e-4) }
        let predicted = Sample.argmax(scores, classes: 4)
        let accuracy = Double(zip(predicted, truth).filter { $0 == Int($1) }.count) / 500
        #expect(accuracy > 0.9)
    }

    @Test("regression: fits a smooth curve far better than its mean")
    func regressionCurve() {
        let curve: ([Float]) -> Float = { sin(3 * $0[0]) + $0[1] * $0[1] }
        let (train, labels) = Sample.data(rows: 2000, seed: 7, label: curve)
        let (test, truth) = Sample.data(rows: 500, seed: 8, label: curve)
        let forest = ExtraTrees.fit(
            train, labels: labels, problem: .regression, classes: 0, parameters: .init(trees: 60), seed: 9)
        let predicted = forest.scores(test)
        let mean = truth.reduce(0, +) / Float(truth.count)
        let error = zip(predicted, truth).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let spread = truth.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        #expect(error < spread * 0.1)
    }

    @Test("the same seed grows the same forest, whatever the threads; another seed another one")
    func seeded() {
        let (train, labels) = Sample.xor(rows: 400, seed: 10)
        let one = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 9), seed: 11, threads: 1)
        let two = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 9), seed: 11, threads: 2)
        let other = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 9), seed: 12, threads: 2)
        #expect(one == two)
        #expect(one != other)
    }

    @Test("leaves keep min_samples_leaf rows; max_leaves bounds a tree; cancelling keeps the trees grown")
    func bounds() {
        let (train, labels) = Sample.xor(rows: 1000, seed: 13)
        let coarse = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2,
            parameters: .init(trees: 4, minSamplesLeaf: 50), seed: 14)
        // Every leaf holds at least 50 of the 1,000 rows, so a tree has at most 20 leaves.
        #expect(coarse.trees.allSatisfy { $0.leafCount <= 20 })
        let capped = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 4, maxLeaves: 16), seed: 14)
        #expect(capped.trees.allSatisfy { $0.leafCount == 16 })
        var asked = 0
        let cancelled = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 100), seed: 14, threads: 2
        ) {
            asked += 1
            return true
        }
        #expect(asked == 1)
        #expect(cancelled.trees.count == 4)
    }

    @Test("contributions along each row's path add up to its score, per class; an unused column gets none")
    func contributions() {
        let label: ([Float]) -> Float = { Float(($0[0] > 0 ? 1 : 0) + ($0[1] > 0 ? 1 : 0)) }
        let (train, labels) = Sample.data(rows: 600, seed: 17, label: label)
        let forest = ExtraTrees.fit(
            train, labels: labels, problem: .multiclass, classes: 3, parameters: .init(trees: 20), seed: 18)
        let (rows, _) = Sample.data(rows: 50, seed: 19, label: label)
        let scores = forest.scores(rows), parts = forest.contributions(rows)
        #expect(parts.count == 50 * 3 * 5)
        for cell in 0..<(50 * 3) {
            let sum = parts[(cell * 5)..<(cell * 5 + 5)].reduce(0, +)
            #expect(abs(sum - scores[cell]) < 1e-4)
        }
        let constant = DesignMatrix(
            values: (0..<(600 * 2)).map { $0 % 2 == 0 ? Float($0 % 7) : 1 }, rows: 600, columns: 2,
            kinds: [.numeric, .numeric], names: ["x", "one"])
        let flat = ExtraTrees.fit(
            constant, labels: (0..<600).map { Float($0 * 2 % 7 > 3 ? 1 : 0) }, problem: .binary, classes: 2,
            parameters: .init(trees: 5), seed: 20)
        #expect(stride(from: 1, to: 600 * 3, by: 3).allSatisfy { flat.contributions(constant)[$0] == 0 })
    }

    @Test("stored as JSON and read back: the same forest, arrays as base64 bytes")
    func codable() throws {
        let (train, labels) = Sample.xor(rows: 300, seed: 15)
        let forest = ExtraTrees.fit(
            train, labels: labels, problem: .binary, classes: 2, parameters: .init(trees: 5), seed: 16)
        let json = try JSONEncoder().encode(forest)
        let back = try JSONDecoder().decode(ExtraTrees.self, from: json)
        #expect(back == forest)
        #expect(back.scores(train) == forest.scores(train))
        let text = String(decoding: json, as: UTF8.self)
        #expect(!text.contains("\"cut\":["))
        let broken = text.replacingOccurrences(of: "\"next\":\"", with: "\"next\":\"AAAA")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ExtraTrees.self, from: Data(broken.utf8)) }
    }
}
