import Testing

@testable import Learners

@Suite("Quantised matrices built from batches")
struct QuantisedMatrixTests {
    /// `data`'s rows handed over `count` batches, counting how often batches are asked for.
    final class Source {
        let data: SyntheticData
        var asked = 0
        init(_ data: SyntheticData) { self.data = data }

        func batches(_ count: Int, kinds: [DMatrix.FeatureKind]) -> RowBatches {
            let step = (data.rows + count - 1) / count
            return RowBatches(count: count, columns: data.columns, kinds: kinds) { index in
                self.asked += 1
                let rows = (index * step)..<min(self.data.rows, (index + 1) * step)
                return (
                    Array(self.data.values[(rows.lowerBound * 4)..<(rows.upperBound * 4)]),
                    Array(self.data.labels[rows])
                )
            }
        }
    }

    @Test("a model trained on a quantised matrix from batches separates held-out data, as on a dense one")
    func trainsLikeDense() throws {
        let train = Source(SyntheticData.binary(rows: 3000, seed: 1))
        let valid = Source(SyntheticData.binary(rows: 1000, seed: 2))
        let kinds: [DMatrix.FeatureKind] = [.numeric, .numeric, .categorical, .numeric]
        let trainMatrix = try DMatrix.quantised(train.batches(7, kinds: kinds), threads: 1)
        let validMatrix = try DMatrix.quantised(valid.batches(3, kinds: kinds), reference: trainMatrix, threads: 1)
        #expect(trainMatrix.rows == 3000 && validMatrix.rows == 1000)
        #expect(train.asked >= 14 && train.asked % 7 == 0, "every batch read in whole passes: bins, then values")
        let fit = try XGBoostTrainer.fit(
            train: trainMatrix, trainLabels: train.data.labels, valid: validMatrix,
            hyperparameters: ["num_round": 200, "max_depth": 4], problem: .binary, classes: 2, seed: 0, threads: 1,
            shouldStop: { false })
        let quantisedAUC = BinaryMetrics.auc(labels: valid.data.labels, scores: fit.validScores)
        let dense = try XGBoostTrainer.fit(
            train: DesignMatrix(
                values: train.data.values, rows: 3000, columns: 4, kinds: kinds, names: ["a", "b", "c", "d"]),
            trainLabels: train.data.labels,
            valid: DesignMatrix(
                values: valid.data.values, rows: 1000, columns: 4, kinds: kinds, names: ["a", "b", "c", "d"]),
            validLabels: valid.data.labels, hyperparameters: ["num_round": 200, "max_depth": 4], problem: .binary,
            classes: 2, seed: 0, threads: 1, shouldStop: { false })
        let denseAUC = BinaryMetrics.auc(labels: valid.data.labels, scores: dense.validScores)
        #expect(quantisedAUC > 0.97)
        #expect(abs(quantisedAUC - denseAUC) < 0.01)
        // Scores of the dense validation rows through the booster agree with the quantised ones.
        let again = try XGBoostTrainer.scores(
            fit.booster, rounds: fit.rounds,
            data: DesignMatrix(
                values: valid.data.values, rows: 1000, columns: 4, kinds: kinds, names: ["a", "b", "c", "d"]),
            threads: 1)
        #expect(zip(again, fit.validScores).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test("a random forest is one round of parallel trees")
    func forest() throws {
        let train = SyntheticData.binary(rows: 2000, seed: 3), valid = SyntheticData.binary(rows: 500, seed: 4)
        let names = ["a", "b", "c", "d"]
        let fit = try XGBoostTrainer.fit(
            train: DesignMatrix(
                values: train.values, rows: 2000, columns: 4, kinds: Array(repeating: .numeric, count: 4), names: names),
            trainLabels: train.labels,
            valid: DesignMatrix(
                values: valid.values, rows: 500, columns: 4, kinds: Array(repeating: .numeric, count: 4), names: names),
            validLabels: valid.labels,
            hyperparameters: [
                "num_round": 1, "num_parallel_tree": 30, "max_depth": 8, "subsample": 0.632, "colsample_bynode": 0.6,
            ],
            problem: .binary, classes: 2, seed: 0, threads: 1, shouldStop: { false })
        #expect(fit.rounds == 1)
        #expect(BinaryMetrics.auc(labels: valid.labels, scores: fit.validScores) > 0.95)
        let model = String(decoding: try fit.booster.serialized(), as: UTF8.self)
        #expect(model.contains("\"num_parallel_tree\":\"30\""))
    }
}
