import Foundation
import Learners

/// Holds a booster so a model value can be passed around; the booster itself is used by one
/// owner at a time.
public final class XGBoostModelBox: @unchecked Sendable {
    public let booster: Booster
    public init(booster: Booster) { self.booster = booster }
}

/// A candidate's trained model with everything needed to predict from raw rows: the fitted
/// pipeline, the class names and the decision threshold.
public enum TrainedModel {
    case xgboost(XGBoostModelBox, rounds: Int)
    case linear(LinearModel)
    indirect case complete(TrainedModel, pipeline: FittedPipeline, target: TargetAnalysis, threshold: Double?)

    func with(pipeline: FittedPipeline, target: TargetAnalysis, threshold: Double?) -> TrainedModel {
        .complete(self, pipeline: pipeline, target: target, threshold: threshold)
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
        guard case .complete(let inner, let pipeline, let target, let threshold) = self else {
            preconditionFailure("predict needs a complete model")
        }
        let data = try pipeline.transform(frame)
        let scores: [Float]
        switch inner {
        case .xgboost(let box, let rounds):
            do {
                scores = try XGBoostTrainer.scores(box.booster, rounds: rounds, data: data, threads: 2)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear(let model):
            scores = model.scores(data)
        case .complete:
            preconditionFailure("nested model")
        }
        switch target.problem {
        case .binary:
            let cut = Float(threshold ?? 0.5)
            return Predictions(labels: scores.map { $0 >= cut ? target.classes[1] : target.classes[0] }, probabilities: scores,
                               classProbabilities: scores.flatMap { [1 - $0, $0] }, scores: scores)
        case .multiclass:
            let k = target.classes.count
            let best = Evaluation.argmax(scores, classes: k)
            return Predictions(labels: best.map { target.classes[$0] },
                               probabilities: best.enumerated().map { scores[$0.offset * k + $0.element] },
                               classProbabilities: scores, scores: scores)
        case .regression:
            return Predictions(labels: scores.map { NumberFormat.shortest(Double($0)) }, scores: scores, values: scores)
        }
    }

    /// The target analysis the model was trained with.
    public var target: TargetAnalysis? {
        if case .complete(_, _, let target, _) = self { return target }
        return nil
    }

    public var threshold: Double? {
        if case .complete(_, _, _, let threshold) = self { return threshold }
        return nil
    }
}

import Frames
