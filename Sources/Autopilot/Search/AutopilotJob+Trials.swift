import Foundation
import Learners

extension AutopilotJob {
    /// One trial of the search: an algorithm with its hyperparameters on one pipeline's matrices
    /// of one sample (rung).
    struct Trial {
        /// Its place in the search, from 0: the number in its name.
        var index: Int
        var pipeline: String
        var algorithm: Algorithm
        var values: [String: Double]
        var rung: Int

        /// `xgboost-dpp3-012`: algorithm, pipeline, trial number.
        var name: String { "\(algorithm.rawValue)-\(pipeline)-\(String(format: "%03d", index + 1))" }

        func key(fold: Int) -> TrainingData.Key { .init(pipeline: pipeline, rung: rung, fold: fold) }
    }

    /// A finished trial: its candidate, its model (with cross-validation the fold models
    /// averaged) and its scores on the validation rows of its split.
    struct TrialResult {
        var candidate: Candidate
        var model: TrainedModel
        var scores: [Float]
    }

    /// Trains `trial` on every fold of its rung and scores it; the trial stops at `deadline`,
    /// `max_trial_runtime` or its own `limit` (a time and its reason), whichever comes first, or
    /// when `shouldStop` says so.
    func run(
        _ trial: Trial, data: TrainingData, metric: Metric, deadline: Date,
        limit: (date: Date, reason: String)? = nil, shouldStop: () -> Bool
    ) throws(AutopilotError) -> TrialResult {
        let target = data.target
        let splits = data.splits[trial.rung]
        let classes = max(2, target.classes.count)
        let started = Date()
        var limits = [
            (date: deadline, reason: "max_runtime"),
            (date: started.addingTimeInterval(settings.maxTrialRuntime), reason: "max_trial_runtime"),
        ]
        if let limit { limits.append(limit) }
        let trialLimit = limits.min { $0.date < $1.date }!
        // A trial the clock cuts short is marked: its result depends on the machine's speed.
        var cutShort: String?
        let stop = {
            if shouldStop() { return true }
            guard Date() > trialLimit.date else { return false }
            cutShort = trialLimit.reason
            return true
        }
        let h = Hyperparameters(trial.values)
        var foldModels: [TrainedModel] = []
        var scores: [Float] = []
        var foldRounds: [Int] = []
        // Boosting stops on validation AUC when AUC is the objective, but not across folds: AUC
        // only ranks, so each fold model would stop at a round (and a scale of scores) of its
        // own, chosen on one fold's rows, and the folds' scores are pooled to be ranked
        // together. Stopped on the loss, the folds' scales agree (bench/RESULTS.md: caravan).
        let stopOnAUC = metric == .auc && splits.count == 1
        for fold in splits.indices {
            let trained = try train(
                trial.algorithm, hyperparameters: h, data: data, key: trial.key(fold: fold), classes: classes,
                stopOnAUC: stopOnAUC, shouldStop: stop)
            if let r = trained.rounds { foldRounds.append(r) }
            scores += trained.validScores
            foldModels.append(
                trained.model.with(pipeline: data.pipelines[trial.pipeline]!, target: target, threshold: nil))
        }
        let rounds =
            foldRounds.isEmpty
            ? nil : Int((Double(foldRounds.reduce(0, +)) / Double(foldRounds.count)).rounded())
        // Scored on every fold's validation rows together (out-of-fold scores); on a sample, on
        // the rows its split holds.
        let labels = splits.flatMap { data.labels($0.valid) }
        let evaluation = Evaluation.metrics(problem: target.problem, labels: labels, scores: scores, classes: classes)
        let candidate = Candidate(
            name: trial.name, algorithm: trial.algorithm, pipeline: trial.pipeline, hyperparameters: h,
            metrics: evaluation.metrics, threshold: evaluation.threshold, rounds: rounds,
            trainingSeconds: Date().timeIntervalSince(started), cutShort: cutShort,
            sampleRows: data.splits.count > 1 ? splits[0].train.count : nil)
        // With cross-validation the candidate's model is its fold models averaged (a bag); with
        // a holdout it is the one model, refitted on every row at the end.
        let model: TrainedModel =
            foldModels.count == 1
            ? foldModels[0].withThreshold(evaluation.threshold)
            : .ensemble(
                foldModels.map { ($0, 1 / Double(foldModels.count)) }, target: target,
                threshold: evaluation.threshold)
        return TrialResult(candidate: candidate, model: model, scores: scores)
    }
}
