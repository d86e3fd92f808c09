import Foundation
import Frames
import Learners

/// Holds a booster so a model value can be passed around; the booster itself is used by one
/// owner at a time.
public final class XGBoostModelBox: @unchecked Sendable {  // its booster is used by one owner at a time
    public let booster: Booster
    public init(booster: Booster) { self.booster = booster }
}

/// A candidate's trained model with everything needed to predict from raw rows: the fitted
/// pipeline, the class names and the decision threshold.
public enum TrainedModel {
    case xgboost(XGBoostModelBox, rounds: Int)
    case linear(LinearModel)
    case mlp(MLP)
    case extraTrees(ExtraTrees)
    indirect case complete(TrainedModel, pipeline: FittedPipeline, target: TargetAnalysis, threshold: Double?)
    /// A weighted average of complete models' scores.
    indirect case ensemble([(TrainedModel, Double)], target: TargetAnalysis, threshold: Double?)
    /// Complete models (or bags of them) whose scores a level-2 model combines.
    indirect case stacked([TrainedModel], Stacker, target: TargetAnalysis, threshold: Double?)

    func with(pipeline: FittedPipeline, target: TargetAnalysis, threshold: Double?) -> TrainedModel {
        .complete(self, pipeline: pipeline, target: target, threshold: threshold)
    }

    /// The same model deciding at `threshold`.
    func withThreshold(_ threshold: Double?) -> TrainedModel {
        switch self {
        case .complete(let inner, let pipeline, let target, _):
            .complete(inner, pipeline: pipeline, target: target, threshold: threshold)
        case .ensemble(let members, let target, _): .ensemble(members, target: target, threshold: threshold)
        case .stacked(let members, let stacker, let target, _):
            .stacked(members, stacker, target: target, threshold: threshold)
        default: self
        }
    }

    /// The complete models inside with their weights (nested ensembles, such as an ensemble
    /// of bagged candidates, multiply their weights out). Weights are not normalised; a
    /// stacked model's members count alike.
    var flattened: [(TrainedModel, Double)] {
        switch self {
        case .ensemble(let members, _, _):
            return members.flatMap { member, weight in member.flattened.map { ($0.0, $0.1 * weight) } }
        case .stacked(let members, _, _, _):
            return members.flatMap { member in member.flattened.map { ($0.0, $0.1 / Double(members.count)) } }
        default:
            return [(self, 1)]
        }
    }
}

/// What a model says about some rows.
public struct Predictions: Sendable {
    /// The predicted class name (or the value, printed) per row.
    public var labels: [String]
    /// P(positive class) per row (binary), the top class's probability (multiclass), or nil.
    public var probabilities: [Float]?
    /// Class probabilities, row-major (classification).
    public var classProbabilities: [Float]?
    /// Raw scores as the metrics take them.
    public var scores: [Float]
    /// The numeric predictions (regression).
    public var values: [Float]?
}

extension TrainedModel {
    /// Predicts for every row of `frame`, which must hold the columns the model was trained on.
    public func predict(_ frame: Frame) throws(AutopilotError) -> Predictions {
        guard let target, let scores = try scores(frame) else { preconditionFailure("predict needs a complete model") }
        let threshold = self.threshold
        switch target.problem {
        case .binary:
            let cut = Float(threshold ?? 0.5)
            return Predictions(
                labels: scores.map { $0 >= cut ? target.classes[1] : target.classes[0] }, probabilities: scores,
                classProbabilities: scores.flatMap { [1 - $0, $0] }, scores: scores)
        case .multiclass:
            let k = target.classes.count
            let best = Evaluation.argmax(scores, classes: k)
            return Predictions(
                labels: best.map { target.classes[$0] },
                probabilities: best.enumerated().map { scores[$0.offset * k + $0.element] },
                classProbabilities: scores, scores: scores)
        case .regression:
            return Predictions(labels: scores.map { NumberFormat.shortest(Double($0)) }, scores: scores, values: scores)
        }
    }

    /// Rows scored at once: a large frame is scored a slice at a time, so its encoded rows
    /// (one matrix per pipeline of the model) never exist whole.
    static let scoredRows = 50_000

    /// Raw scores for every row of `frame` (nil for a bare model without its pipeline).
    func scores(_ frame: Frame) throws(AutopilotError) -> [Float]? {
        guard frame.rowCount <= Self.scoredRows else {
            var scores: [Float] = []
            for start in stride(from: 0, to: frame.rowCount, by: Self.scoredRows) {
                let slice = frame.rows(start..<min(frame.rowCount, start + Self.scoredRows))
                guard let part = try sliceScores(slice) else { return nil }
                scores += part
            }
            return scores
        }
        return try sliceScores(frame)
    }

    private func sliceScores(_ frame: Frame) throws(AutopilotError) -> [Float]? {
        if case .stacked(let members, let stacker, _, _) = self {
            var inputs: [[Float]] = []
            for member in members {
                guard let scores = try member.scores(frame) else { return nil }
                inputs.append(scores)
            }
            return stacker.scores(inputs)
        }
        // Ensembles (bags of fold models inside, nested or restored flat) are multiplied out
        // first, so both sum the very same terms in the same order; members that share a
        // pipeline (a bag's fold models) share its transform.
        let members = flattened
        let weightSum = members.reduce(0) { $0 + $1.1 }
        var transformed: [(pipeline: FittedPipeline, data: DesignMatrix)] = []
        var total: [Float]?
        for (member, weight) in members {
            guard case .complete(let inner, let pipeline, _, _) = member else { return nil }
            let data: DesignMatrix
            if let done = transformed.first(where: { $0.pipeline == pipeline }) {
                data = done.data
            } else {
                data = try pipeline.transform(frame)
                transformed.append((pipeline, data))
            }
            guard let scores = try inner.scores(data) else { return nil }
            if members.count == 1 { return scores }
            let w = Float(weight / weightSum)
            if total == nil {
                total = scores.map { $0 * w }
            } else {
                for i in scores.indices { total![i] += scores[i] * w }
            }
        }
        return total
    }

    /// A bare model's scores for transformed rows.
    private func scores(_ data: DesignMatrix) throws(AutopilotError) -> [Float]? {
        switch self {
        case .xgboost(let box, let rounds):
            do {
                return try XGBoostTrainer.scores(box.booster, rounds: rounds, data: data, threads: 2)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear(let model):
            return model.scores(data)
        case .mlp(let model):
            return model.scores(data)
        case .extraTrees(let model):
            return model.scores(data)
        default:
            return nil
        }
    }

    /// The target analysis the model was trained with.
    public var target: TargetAnalysis? {
        switch self {
        case .complete(_, _, let target, _), .ensemble(_, let target, _), .stacked(_, _, let target, _): target
        default: nil
        }
    }

    public var threshold: Double? {
        switch self {
        case .complete(_, _, _, let threshold), .ensemble(_, _, let threshold), .stacked(_, _, _, let threshold):
            threshold
        default: nil
        }
    }
}
