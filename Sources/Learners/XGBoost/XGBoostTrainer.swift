/// Trains XGBoost models with early stopping on a validation set. Hyperparameters are named as
/// XGBoost names them (`eta`, `max_depth`, `num_round`...); the missing ones keep their defaults.
public enum XGBoostTrainer {
    /// The result of one training: the model, how many rounds it kept, and its scores on the
    /// validation rows (P(positive) for binary, class probabilities row-major for multiclass,
    /// values for regression).
    public struct Fit {
        public var booster: Booster
        public var rounds: Int
        public var validScores: [Float]
    }

    /// XGBoost's parameters for a booster with hyperparameters `h` on a problem.
    static func parameters(
        _ h: [String: Double], problem: ProblemType, classes: Int, seed: Int, threads: Int,
        labels: [Float], stopOnAUC: Bool = false
    ) -> [String: String] {
        var p: [String: String] = [
            "tree_method": "hist", "nthread": String(threads), "seed": String(seed), "verbosity": "0",
            "max_depth": String(Int(h["max_depth"] ?? 6)), "eta": String(h["eta"] ?? 0.1),
            "subsample": String(h["subsample"] ?? 1), "colsample_bytree": String(h["colsample_bytree"] ?? 1),
            "min_child_weight": String(h["min_child_weight"] ?? 1), "lambda": String(h["lambda"] ?? 1),
            "alpha": String(h["alpha"] ?? 0), "gamma": String(h["gamma"] ?? 0), "max_cat_to_onehot": "4",
            "max_bin": "256",
        ]
        // With `max_leaves` a tree grows leaf by leaf, the split that lowers the loss most first
        // (LightGBM's way, FLAML's `xgboost`), as deep as it needs unless `max_depth` is given too.
        if let leaves = h["max_leaves"] {
            p["grow_policy"] = "lossguide"
            p["max_leaves"] = String(Int(leaves))
            p["max_depth"] = String(Int(h["max_depth"] ?? 0))
        }
        if let share = h["colsample_bylevel"] { p["colsample_bylevel"] = String(share) }
        // A random forest is one round of many parallel trees, each on a bootstrap-like sample
        // of rows and a share of the columns at each split, with no shrinkage.
        if let trees = h["num_parallel_tree"] {
            p["num_parallel_tree"] = String(Int(trees))
            p["colsample_bynode"] = String(h["colsample_bynode"] ?? 0.8)
            p["eta"] = "1"
        }
        // Boosting starts from the label mean, as XGBoost 2 does by itself (1.7 starts from 0.5):
        // models stopped after few rounds then stay calibrated, so fold models can be pooled
        // and averaged.
        let mean = labels.isEmpty ? 0.5 : labels.reduce(0.0) { $0 + Double($1) } / Double(labels.count)
        switch problem {
        case .binary:
            p["objective"] = "binary:logistic"
            p["base_score"] = String(min(max(mean, 1e-6), 1 - 1e-6))
            p["eval_metric"] = stopOnAUC ? "auc" : "logloss"
            if let weight = h["scale_pos_weight"] { p["scale_pos_weight"] = String(weight) }
        case .multiclass:
            p["objective"] = "multi:softprob"
            p["num_class"] = String(classes)
            p["eval_metric"] = "mlogloss"
        case .regression:
            p["objective"] = "reg:squarederror"
            p["base_score"] = String(mean)
            p["eval_metric"] = "rmse"
        }
        return p
    }

    /// Trains up to `num_round` rounds, stopping when the validation loss has not improved for
    /// `patience` rounds (or when `shouldStop` says so), and keeps the best round.
    public static func fit(
        train: DesignMatrix, trainLabels: [Float], weights: [Float]? = nil, valid: DesignMatrix,
        validLabels: [Float], hyperparameters h: [String: Double], problem: ProblemType,
        classes: Int, seed: Int, threads: Int, stopOnAUC: Bool = false, patience: Int? = nil,
        shouldStop: () -> Bool
    ) throws(XGBoostError) -> Fit {
        let trainMatrix = try DMatrix(
            values: train.values, rows: train.rows, columns: train.columns,
            labels: trainLabels, weights: weights, kinds: train.kinds, threads: threads)
        let validMatrix = try DMatrix(
            values: valid.values, rows: valid.rows, columns: valid.columns,
            labels: validLabels, kinds: valid.kinds, threads: threads)
        return try fit(
            train: trainMatrix, trainLabels: trainLabels, valid: validMatrix, hyperparameters: h, problem: problem,
            classes: classes, seed: seed, threads: threads, stopOnAUC: stopOnAUC, patience: patience,
            shouldStop: shouldStop)
    }

    /// Trains on matrices already built (labels set on them), so several candidates share one
    /// matrix and its bins; `trainLabels` sets where boosting starts. The validation rows are
    /// scored every `evaluationStride` rounds (by default every round up to 10,000 of them, and
    /// up to every fifth round past that).
    public static func fit(
        train trainMatrix: DMatrix, trainLabels: [Float], valid validMatrix: DMatrix,
        hyperparameters h: [String: Double], problem: ProblemType, classes: Int, seed: Int, threads: Int,
        stopOnAUC: Bool = false, patience: Int? = nil, evaluationStride: Int? = nil, shouldStop: () -> Bool
    ) throws(XGBoostError) -> Fit {
        let booster = try Booster(
            parameters: parameters(
                h, problem: problem, classes: classes, seed: seed,
                threads: threads, labels: trainLabels, stopOnAUC: stopOnAUC),
            cache: [trainMatrix, validMatrix])
        let maxRounds = Int(h["num_round"] ?? 500)
        // AUC moves in steps on the validation rows, so it is given longer to improve.
        let patience = patience ?? (stopOnAUC ? 50 : 30)
        // Scoring many validation rows every round can cost as much as the round itself (AUC
        // sorts them): past 10,000 rows they are scored every few rounds, and the best round is
        // the best of those.
        let stride = evaluationStride ?? max(1, min(5, validMatrix.rows / 5_000))
        var best = (round: 0, loss: Double.infinity)
        for round in 0..<maxRounds {
            try booster.update(round: round, train: trainMatrix)
            if (round + 1) % stride != 0, round < maxRounds - 1 {
                if shouldStop() { break }
                continue
            }
            let line = try booster.evaluate(round: round, on: [(validMatrix, "valid")])
            // Early stopping watches the validation loss, or AUC (negated) when AUC is the objective.
            let value = Double(line.split(separator: ":").last ?? "") ?? .nan
            let loss = value.isNaN ? .infinity : (stopOnAUC && problem == .binary ? -value : value)
            if loss < best.loss - 1e-7 { best = (round, loss) }
            if round - best.round >= patience || shouldStop() { break }
        }
        let rounds = best.round + 1
        let scores = try booster.predict(validMatrix, rounds: rounds).values
        return Fit(booster: try booster.compacted(), rounds: rounds, validScores: scores)
    }

    /// Trains exactly `num_round` rounds on all of `data` (no validation: the refit of a winner).
    public static func train(
        data: DesignMatrix, labels: [Float], hyperparameters h: [String: Double],
        problem: ProblemType, classes: Int, seed: Int, threads: Int
    ) throws(XGBoostError)
        -> Booster
    {
        let matrix = try DMatrix(
            values: data.values, rows: data.rows, columns: data.columns, labels: labels,
            kinds: data.kinds, threads: threads)
        return try train(
            data: matrix, labels: labels, hyperparameters: h, problem: problem, classes: classes, seed: seed,
            threads: threads)
    }

    /// Trains exactly `num_round` rounds on a matrix already built, with its labels set.
    public static func train(
        data matrix: DMatrix, labels: [Float], hyperparameters h: [String: Double],
        problem: ProblemType, classes: Int, seed: Int, threads: Int
    ) throws(XGBoostError)
        -> Booster
    {
        let booster = try Booster(
            parameters: parameters(
                h, problem: problem, classes: classes, seed: seed,
                threads: threads, labels: labels),
            cache: [matrix])
        for round in 0..<Int(h["num_round"] ?? 100) { try booster.update(round: round, train: matrix) }
        return try booster.compacted()
    }

    /// Scores of a trained booster limited to its best `rounds`, predicted in place (no DMatrix,
    /// so a row or two costs no thread team); the booster's `nthread` decides the threads.
    public static func scores(
        _ booster: Booster, rounds: Int, data: DesignMatrix, threads: Int
    ) throws(XGBoostError)
        -> [Float]
    {
        try booster.predict(dense: data.values, rows: data.rows, columns: data.columns, rounds: rounds).values
    }
}

extension XGBoostTrainer {
    /// Bytes XGBoost 1.7 keeps for one node of the tree it is growing: a histogram of
    /// gradient and hessian sums (two doubles) for every bin of every column. It keeps one for
    /// every node of the tree, so a tree of depth 10 over 24 columns of 256 bins takes 200 MB.
    public static func histogramBytes(bins: Int) -> Int { 16 * max(1, bins) }

    /// `h` with its trees bounded so that growing one keeps histograms of at most `bytes` over
    /// `bins` bins: a tree grown leaf by leaf gets fewer `max_leaves`, one grown level by level
    /// a smaller `max_depth`. Values within the bound are left as they are.
    public static func bounded(_ h: [String: Double], bins: Int, bytes: Int) -> [String: Double] {
        let nodes = max(3, bytes / histogramBytes(bins: bins))
        var h = h
        if let leaves = h["max_leaves"] {
            let bound = Double((nodes + 1) / 2)
            if leaves > bound { h["max_leaves"] = bound }
        } else {
            // A tree of depth d has up to 2^(d+1) - 1 nodes.
            let bound = Double(max(1, Int.bitWidth - (nodes + 1).leadingZeroBitCount - 2))
            if h["max_depth"] ?? 6 > bound { h["max_depth"] = bound }
        }
        return h
    }
}
