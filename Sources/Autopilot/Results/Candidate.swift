/// One trained candidate: its pipeline, algorithm and hyperparameters, and how it scored.
public struct Candidate: Sendable, Codable, Equatable {
    /// `xgboost-dpp0-003`: algorithm, pipeline, trial number.
    public var name: String
    public var algorithm: Algorithm
    public var pipeline: String
    public var hyperparameters: Hyperparameters
    /// Validation metrics, by name.
    public var metrics: [String: Double]
    /// The decision threshold (binary): predicted positive when P(positive) ≥ threshold.
    public var threshold: Double?
    /// Boosting rounds kept by early stopping (XGBoost).
    public var rounds: Int?
    /// Seconds spent training (shown live, never stored in workbooks).
    public var trainingSeconds: Double
    /// For an ensemble: its members with their weights, `name×weight`.
    public var members: [String]? = nil
    /// The limit that stopped its training before early stopping did (`max_trial_runtime` or
    /// `max_runtime`), if one did.
    public var cutShort: String? = nil
    /// The training rows it was trained on, when candidates start on samples of many rows (those
    /// of a smaller sample than every row are scored on some of the validation rows).
    public var sampleRows: Int? = nil

    public func metric(_ metric: Metric) -> Double? { metrics[metric.rawValue] }
}
