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

    /// Trains `algorithm` with `h` on the training rows of one split of `data`, scoring (and for
    /// XGBoost early-stopping on) its validation rows.
    func train(
        _ algorithm: Algorithm, hyperparameters h: Hyperparameters, data: TrainingData, key: TrainingData.Key,
        classes: Int, stopOnAUC: Bool, shouldStop: () -> Bool
    )
        throws(AutopilotError) -> FoldFit
    {
        let problem = data.target.problem
        let split = data.splits[key.rung][key.fold]
        switch algorithm {
        case .xgboost, .randomForest:
            let matrices = try data.quantised(key)
            // On a sample ladder boosting on the first sample (a screen of a few rounds) is scored
            // every quarter of its rounds, on larger samples every tenth round: scoring the
            // 20,000 watched rows takes longer than a round on the first sample.
            let ladder = data.splits.count > 1
            do {
                let fit = try XGBoostTrainer.fit(
                    train: matrices.train, trainLabels: data.labels(split.train), valid: matrices.valid,
                    hyperparameters: h.values, problem: problem, classes: classes, seed: settings.seed,
                    threads: settings.threads, stopOnAUC: stopOnAUC,
                    evaluationStride: ladder ? (key.rung == 0 ? SuccessiveHalving.firstRounds / 4 : 10) : nil,
                    shouldStop: shouldStop)
                let scores = try data.validScores(key, watched: fit.validScores) { rows throws(XGBoostError) in
                    try XGBoostTrainer.scores(fit.booster, rounds: fit.rounds, data: rows, threads: settings.threads)
                }
                return FoldFit(
                    model: .xgboost(XGBoostModelBox(booster: fit.booster), rounds: fit.rounds),
                    validScores: scores, rounds: fit.rounds)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear:
            let matrices = data.dense(key)
            let linear = LinearModel.fit(
                matrices.train, labels: data.labels(split.train), problem: problem, classes: classes, l2: h["l2"] ?? 1)
            return FoldFit(model: .linear(linear), validScores: data.validScores(key, linear.scores), rounds: nil)
        case .mlp:
            let matrices = data.dense(key)
            let mlp = MLP.fit(
                matrices.train, labels: data.labels(split.train), problem: problem, classes: classes,
                parameters: .parameters(from: h.values, seed: UInt64(settings.seed)),
                validation: (matrices.valid, data.labels(TrainingData.watched(split.valid))), isCancelled: shouldStop)
            return FoldFit(model: .mlp(mlp), validScores: data.validScores(key, mlp.scores), rounds: nil)
        case .extraTrees:
            let matrices = data.dense(key)
            let forest = ExtraTrees.fit(
                matrices.train, labels: data.labels(split.train), problem: problem, classes: classes,
                parameters: .parameters(from: h.values), seed: UInt64(settings.seed), threads: settings.threads,
                isCancelled: shouldStop)
            return FoldFit(model: .extraTrees(forest), validScores: data.validScores(key, forest.scores), rounds: nil)
        case .ensemble, .stacked:
            throw .learner("\(algorithm.displayName) is not a trial algorithm")
        }
    }

    /// The candidate trained again on `rows`, or nil when it cannot be (an ensemble).
    func refit(
        _ candidate: Candidate, rows: [Int], analysis: Analysis, fitted: FittedPipeline
    ) throws(AutopilotError)
        -> TrainedModel?
    {
        let target = analysis.target
        let pipeline = FittedPipeline.fit(
            fitted.definition, plan: analysis.plan, frame: frame, rows: rows, labels: target.labels)
        let all = try TrainingData(
            frame: frame, target: target, pipelines: [pipeline.definition.name: pipeline],
            splits: [[.init(train: rows, valid: [])]], threads: settings.threads)
        let key = TrainingData.Key(pipeline: pipeline.definition.name, rung: 0, fold: 0)
        let labels = all.labels(rows)
        let classes = max(2, target.classes.count)
        switch candidate.algorithm {
        case .xgboost, .randomForest:
            var h = candidate.hyperparameters
            // A forest is its one round of trees; boosting takes rounds in proportion to the rows.
            let scaled = Double(candidate.rounds ?? 100) * Double(rows.count) / Double(analysis.folds[0].train.count)
            let rounds = candidate.algorithm == .randomForest ? 1 : Int(scaled.rounded())
            h.values["num_round"] = Double(rounds)
            let matrix = try all.quantised(rows, pipeline: key.pipeline)
            do {
                let booster = try XGBoostTrainer.train(
                    data: matrix, labels: labels, hyperparameters: h.values,
                    problem: target.problem, classes: classes, seed: settings.seed, threads: settings.threads)
                return TrainedModel.xgboost(XGBoostModelBox(booster: booster), rounds: rounds)
                    .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .linear:
            return TrainedModel.linear(
                LinearModel.fit(
                    all.dense(key).train, labels: labels, problem: target.problem, classes: classes,
                    l2: candidate.hyperparameters["l2"] ?? 1)
            )
            .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
        case .mlp:
            // No validation rows are left to stop on: the MLP holds out a tenth of them itself.
            return TrainedModel.mlp(
                MLP.fit(
                    all.dense(key).train, labels: labels, problem: target.problem, classes: classes,
                    parameters: .parameters(
                        from: candidate.hyperparameters.values,
                        seed: UInt64(settings.seed)))
            )
            .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
        case .extraTrees:
            return TrainedModel.extraTrees(
                ExtraTrees.fit(
                    all.dense(key).train, labels: labels, problem: target.problem, classes: classes,
                    parameters: .parameters(from: candidate.hyperparameters.values), seed: UInt64(settings.seed),
                    threads: settings.threads)
            )
            .with(pipeline: pipeline, target: target, threshold: candidate.threshold)
        case .ensemble, .stacked:
            return nil
        }
    }

}
