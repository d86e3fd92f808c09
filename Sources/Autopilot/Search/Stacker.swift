import Foundation
import Learners

/// A level-2 model over candidates' scores, as AutoGluon stacks: a regularised linear model
/// whose inputs are each member's scores (log-odds of its probabilities for classes, its values
/// for regression), trained on validation rows the members did not train on (out-of-fold rows
/// with cross-validation).
public struct Stacker: Sendable, Codable, Equatable {
    public var combiner: LinearModel
    /// Scores per row each member gives (1, or the classes for multiclass).
    public var width: Int

    /// The combined scores of rows whose members' scores are `members` (one array per member).
    public func scores(_ members: [[Float]]) -> [Float] {
        combiner.scores(Self.features(members, width: width, problem: combiner.problem))
    }

    /// Members' scores side by side, one row per example: probabilities as log-odds.
    static func features(_ members: [[Float]], width: Int, problem: ProblemType) -> DesignMatrix {
        let rows = (members.first?.count ?? 0) / max(1, width)
        let columns = members.count * width
        var values = [Float](repeating: 0, count: rows * columns)
        for (m, scores) in members.enumerated() {
            for row in 0..<rows {
                for k in 0..<width {
                    let s = scores[row * width + k]
                    values[row * columns + m * width + k] = problem == .regression ? s : logit(s)
                }
            }
        }
        return DesignMatrix(
            values: values, rows: rows, columns: columns, kinds: Array(repeating: .numeric, count: columns),
            names: (0..<columns).map { "m\($0)" })
    }

    /// log(p / (1 − p)), with p kept a millionth away from 0 and 1.
    static func logit(_ p: Float) -> Float {
        let q = Double(min(max(p, 1e-6), 1 - 1e-6))
        return Float(log(q / (1 - q)))
    }

    /// The level-2 penalty: members' scores are few and strongly related, so their weights are
    /// held back.
    static let l2 = 1.0

    /// A stacker over `members` (their validation scores), with its own out-of-fold scores
    /// from 5 folds of the rows, which tell how it would do on rows it did not learn from.
    static func fit(
        members: [[Float]], labels: [Float], problem: ProblemType, classes: Int, seed: Int
    ) -> (stacker: Stacker, outOfFold: [Float])? {
        let width = problem == .multiclass ? classes : 1
        guard members.count > 1, labels.count >= 50 else { return nil }
        let data = features(members, width: width, problem: problem)
        let folds = AutopilotJob.kFold(
            Array(0..<labels.count), strata: problem == .regression ? nil : labels.map { UInt32($0) }, k: 5,
            seed: UInt64(seed) &+ 0x57AC)
        var outOfFold = [Float](repeating: 0, count: labels.count * width)
        for fold in folds {
            let model = LinearModel.fit(
                data.rows(fold.train), labels: fold.train.map { labels[$0] }, problem: problem, classes: classes,
                l2: l2)
            let scores = model.scores(data.rows(fold.valid))
            for (i, row) in fold.valid.enumerated() {
                for k in 0..<width { outOfFold[row * width + k] = scores[i * width + k] }
            }
        }
        let combiner = LinearModel.fit(data, labels: labels, problem: problem, classes: classes, l2: l2)
        return (Stacker(combiner: combiner, width: width), outOfFold)
    }
}
