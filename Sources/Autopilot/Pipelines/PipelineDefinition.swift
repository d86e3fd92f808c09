/// How a candidate turns a frame into numbers for its algorithm, as Autopilot's generated
/// "dpp" pipelines do.
public struct PipelineDefinition: Sendable, Codable, Equatable {
    public enum CategoricalEncoding: Sendable, Codable, Equatable {
        /// Category codes handed to XGBoost's native categorical splits.
        case native
        /// Category codes (categories in sorted order) used as plain numbers, so a tree can
        /// split them by range: cheap, and strong when the order means something (months,
        /// education levels, codes).
        case ordinal
        /// One column per category seen at least `threshold` times in training, others ignored
        /// (Autopilot's ThresholdOneHotEncoder).
        case oneHot(threshold: Int)
    }

    /// A short name: `dpp0`, `dpp1`...
    public var name: String
    public var encoding: CategoricalEncoding
    /// Missing numbers become the training median (else they stay missing, for XGBoost).
    public var imputeMedian: Bool
    /// A 0/1 column per numeric column with missing values in training.
    public var missingIndicators: Bool
    /// Numbers are standardised (z-scores).
    public var standardize: Bool

    /// One line for tables: `native categoricals` or `impute + one-hot(≥13) + scale`.
    public var summary: String {
        var steps: [String] = []
        if imputeMedian { steps.append("median impute") }
        if missingIndicators { steps.append("missing flags") }
        switch encoding {
        case .native: steps.append("native categories")
        case .ordinal: steps.append("ordinal codes")
        case .oneHot(let threshold): steps.append("one-hot(≥\(threshold))")
        }
        if standardize { steps.append("scale") }
        return steps.joined(separator: " + ")
    }
}
