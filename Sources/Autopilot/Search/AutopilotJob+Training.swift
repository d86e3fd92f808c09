import Foundation
import Frames
import Learners

extension AutopilotJob {
    /// One algorithm trained on one split: the bare model, its scores on the validation rows
    /// and the boosting rounds early stopping kept (XGBoost).
    struct FoldFit {
        var model: TrainedModel
        var validScores: [Float]
        var rounds: Int?
    }

    /// Trains `algorithm` with `h` on `train`, scoring (and for XGBoost early-stopping on) `valid`.
    func train(_ algorithm: Algorithm, hyperparameters h: Hyperparameters, train: DesignMatrix, labels: [Float],
               valid: DesignMatrix, validLabels: [Float], classes: Int, stopOnAUC: Bool, shouldStop: () -> Bool)
        throws(AutopilotError) -> FoldFit
    {
        let problem = analysis!.target.problem
        switch algorithm {
        case .xgboost:
            do {
                let fit = try XGBoostTrainer.fit(train: train, trainLabels: labels, valid: valid, validLabels: validLabels,
                                                 hyperparameters: h.values, problem: problem, classes: classes,
                                                 seed: settings.seed, threads: settings.threads, stopOnAUC: stopOnAUC,
                                                 shouldStop: shouldStop)
                return FoldFit(model: .xgboost(XGBoostModelBox(booster: fit.booster), rounds: fit.rounds),
                               validScores: fit.validScores, rounds: fit.rounds)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear:
            let linear = LinearModel.fit(train, labels: labels, problem: problem, classes: classes, l2: h["l2"] ?? 1)
            return FoldFit(model: .linear(linear), validScores: linear.scores(valid), rounds: nil)
        case .mlp:
            let mlp = MLP.fit(train, labels: labels, problem: problem, classes: classes,
                              parameters: .parameters(from: h.values, seed: UInt64(settings.seed)),
                              validation: (valid, validLabels), isCancelled: shouldStop)
            return FoldFit(model: .mlp(mlp), validScores: mlp.scores(valid), rounds: nil)
        case .ensemble:
            throw .learner("\(algorithm.displayName) is not a trial algorithm")
        }
    }

    /// The candidate trained again on `rows`, or nil when it cannot be (an ensemble).
    func refit(_ candidate: Candidate, rows: [Int], analysis: Analysis, fitted: FittedPipeline) throws(AutopilotError)
        -> TrainedModel?
    {
        let target = analysis.target
        let pipeline = FittedPipeline.fit(fitted.definition, plan: analysis.plan, frame: frame, rows: rows)
        let data = try pipeline.transform(frame, rows: rows)
        let labels = rows.map { target.labels[$0] }
        let classes = max(2, target.classes.count)
        switch candidate.algorithm {
        case .xgboost:
            var h = candidate.hyperparameters
            let rounds = Int((Double(candidate.rounds ?? 100) * Double(rows.count) / Double(analysis.folds[0].train.count)).rounded())
            h.values["num_round"] = Double(rounds)
            do {
                let booster = try XGBoostTrainer.train(data: data, labels: labels, hyperparameters: h.values,
                                                       problem: target.problem, classes: classes, seed: settings.seed,
                                                       threads: settings.threads)
                return TrainedModel.xgboost(XGBoostModelBox(booster: booster), rounds: rounds)
                    .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear:
            return TrainedModel.linear(LinearModel.fit(data, labels: labels, problem: target.problem, classes: classes,
                                                       l2: candidate.hyperparameters["l2"] ?? 1))
                .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
        case .mlp:
            // No validation rows are left to stop on: the MLP holds out a tenth of them itself.
            return TrainedModel.mlp(MLP.fit(data, labels: labels, problem: target.problem, classes: classes,
                                            parameters: .parameters(from: candidate.hyperparameters.values,
                                                                    seed: UInt64(settings.seed))))
                .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
        case .ensemble:
            return nil
        }
    }

}
