import Frames

/// Hyperparameter ranges, as Autopilot's 2021 candidate notebooks give them (narrowed where a
/// one-minute budget on two cores calls for it: `eta` from 0.01, early stopping instead of a
/// tuned `num_round`), and how candidates are drawn from them.
struct SearchSpace {
    struct Range {
        var name: String
        var low: Double
        var high: Double
        var log: Bool
        var integer = false
    }

    static let xgboost: [Range] = [
        Range(name: "max_depth", low: 2, high: 10, log: true, integer: true),
        Range(name: "eta", low: 0.01, high: 0.3, log: true),
        Range(name: "gamma", low: 1e-6, high: 8, log: true),
        Range(name: "min_child_weight", low: 0.01, high: 32, log: true),
        Range(name: "subsample", low: 0.5, high: 1, log: false),
        Range(name: "colsample_bytree", low: 0.3, high: 1, log: false),
        Range(name: "lambda", low: 1e-3, high: 10, log: true),
        Range(name: "alpha", low: 1e-6, high: 2, log: true),
    ]

    /// Boosted trees grown leaf by leaf (`grow_policy=lossguide`), FLAML's `xgboost`: the
    /// number of leaves bounds a tree instead of its depth, leaves may hold few rows, and each
    /// level may draw its own share of the columns.
    static let xgboostLeaves: [Range] =
        [
            Range(name: "max_leaves", low: 4, high: 512, log: true, integer: true),
            Range(name: "colsample_bylevel", low: 0.3, high: 1, log: false),
        ]
        + xgboost.compactMap {
            switch $0.name {
            case "max_depth": nil
            case "min_child_weight": Range(name: "min_child_weight", low: 0.001, high: 32, log: true)
            default: $0
            }
        }

    /// The space a set of XGBoost hyperparameters was drawn from.
    static func xgboostSpace(of values: [String: Double]) -> [Range] {
        values["max_leaves"] == nil ? xgboost : xgboostLeaves
    }

    /// A forest's trees grow deep and decorrelate through row and column sampling.
    static let randomForest: [Range] = [
        Range(name: "max_depth", low: 6, high: 16, log: false, integer: true),
        Range(name: "num_parallel_tree", low: 50, high: 300, log: true, integer: true),
        Range(name: "colsample_bynode", low: 0.3, high: 1, log: false),
        Range(name: "subsample", low: 0.5, high: 0.9, log: false),
        Range(name: "min_child_weight", low: 0.5, high: 16, log: true),
    ]

    static let randomForestDefaults: [String: Double] = [
        "max_depth": 12, "num_parallel_tree": 100, "colsample_bynode": 0.6, "subsample": 0.632,
        "min_child_weight": 1, "num_round": 1,
    ]

    /// Extremely randomised trees grow on every row; their randomness is in the cuts.
    static let extraTrees: [Range] = [
        Range(name: "n_estimators", low: 50, high: 300, log: true, integer: true),
        Range(name: "max_features", low: 0.1, high: 1, log: false),
        Range(name: "min_samples_leaf", low: 1, high: 8, log: true, integer: true),
    ]

    /// scikit-learn's defaults (`max_features` left out: the square root of the columns for
    /// classes, every column for numbers).
    static let extraTreesDefaults: [String: Double] = ["n_estimators": 100, "min_samples_leaf": 1]

    static let linear: [Range] = [Range(name: "l2", low: 1e-4, high: 10, log: true)]

    /// XGBoost's usual starting point, tried first.
    static let xgboostDefaults: [String: Double] = [
        "max_depth": 6, "eta": 0.1, "gamma": 0, "min_child_weight": 1, "subsample": 0.8, "colsample_bytree": 0.8,
        "lambda": 1, "alpha": 0, "num_round": 2000,
    ]

    static func sample(_ ranges: [Range], using generator: inout SplitMix64) -> [String: Double] {
        var values: [String: Double] = [:]
        for range in ranges {
            let u = Double(generator.next() >> 11) / Double(1 << 53)
            var v =
                range.log
                ? exp(log(range.low) + u * (log(range.high) - log(range.low)))
                : range.low + u * (range.high - range.low)
            if range.integer { v = v.rounded() }
            values[range.name] = v
        }
        return values
    }

    /// A neighbour of `center`: each value moved by up to a factor of 2 (log ranges) or a fifth
    /// of the range, kept inside the range.
    static func perturb(
        _ center: [String: Double], _ ranges: [Range], using generator: inout SplitMix64
    ) -> [String: Double] {
        var values = center
        for range in ranges {
            guard let c = center[range.name] else { continue }
            let u = Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1
            var v = range.log ? max(range.low, c) * pow(2, u) : c + u * (range.high - range.low) / 5
            v = min(range.high, max(range.low, v))
            if range.integer { v = v.rounded() }
            values[range.name] = v
        }
        return values
    }
}

#if canImport(Glibc)
import Glibc
#endif
