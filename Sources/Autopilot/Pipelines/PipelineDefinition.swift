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
        /// Category codes used as plain numbers, the categories ordered by the target's mean on
        /// the training rows (each shrunk toward the overall mean by ``FittedPipeline/targetOrderPrior``
        /// rows of it), so one split parts the categories that raise the target from those that
        /// lower it: LightGBM's order for categorical splits, in one dense column. Only where the
        /// validation rows are held out of the fit (else their labels would leak into their scores).
        case targetOrdered
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
    /// One-hot columns hold 1 for the row's category and leave the others missing instead of
    /// 0, as a sparse matrix would: XGBoost then stores and scans only the ones (the same
    /// splits, in half the time on wide one-hot data). For trees only.
    public var sparseOneHot: Bool

    public init(
        name: String, encoding: CategoricalEncoding, imputeMedian: Bool, missingIndicators: Bool, standardize: Bool,
        sparseOneHot: Bool = false
    ) {
        self.name = name
        self.encoding = encoding
        self.imputeMedian = imputeMedian
        self.missingIndicators = missingIndicators
        self.standardize = standardize
        self.sparseOneHot = sparseOneHot
    }

    private enum CodingKeys: String, CodingKey {
        case name, encoding, imputeMedian, missingIndicators, standardize, sparseOneHot
    }

    /// Reads pipelines saved before one-hot could be sparse as dense ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        encoding = try container.decode(CategoricalEncoding.self, forKey: .encoding)
        imputeMedian = try container.decode(Bool.self, forKey: .imputeMedian)
        missingIndicators = try container.decode(Bool.self, forKey: .missingIndicators)
        standardize = try container.decode(Bool.self, forKey: .standardize)
        sparseOneHot = try container.decodeIfPresent(Bool.self, forKey: .sparseOneHot) ?? false
    }

    /// One line for tables: `native categoricals` or `impute + one-hot(≥13) + scale`.
    public var summary: String {
        var steps: [String] = []
        if imputeMedian { steps.append("median impute") }
        if missingIndicators { steps.append("missing flags") }
        switch encoding {
        case .native: steps.append("native categories")
        case .ordinal: steps.append("ordinal codes")
        case .targetOrdered: steps.append("target-ordered codes")
        case .oneHot(let threshold): steps.append("\(sparseOneHot ? "sparse " : "")one-hot(≥\(threshold))")
        }
        if standardize { steps.append("scale") }
        return steps.joined(separator: " + ")
    }
}
