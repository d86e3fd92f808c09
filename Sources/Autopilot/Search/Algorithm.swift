import Foundation

/// The learning algorithms candidates use (Autopilot's HPO mode: XGBoost, Linear Learner, MLP),
/// random forests (XGBoost's parallel trees), extremely randomised trees, and ensembles of candidates.
public enum Algorithm: String, Sendable, Codable, CaseIterable {
    case xgboost, randomForest = "rf", extraTrees = "et", linear, mlp, ensemble, stacked

    /// Whether its models are XGBoost boosters (boosted trees or a forest).
    public var isTrees: Bool { self == .xgboost || self == .randomForest }

    /// Whether it combines other candidates rather than learning from the data itself.
    public var combinesCandidates: Bool { self == .ensemble || self == .stacked }

    public var displayName: String {
        switch self {
        case .xgboost: "XGBoost"
        case .randomForest: "Random forest"
        case .extraTrees: "Extra trees"
        case .linear: "Linear learner"
        case .mlp: "MLP"
        case .ensemble: "Ensemble"
        case .stacked: "Stacked ensemble"
        }
    }
}

/// One candidate's hyperparameters: names and values, in a stable order.
public struct Hyperparameters: Sendable, Codable, Equatable {
    public var values: [String: Double]

    public init(_ values: [String: Double]) {
        self.values = values
    }

    public subscript(name: String) -> Double? { values[name] }

    /// `eta=0.1, max_depth=6...`, sorted by name, numbers shortest.
    public var summary: String {
        values.keys.sorted().map { "\($0)=\(Hyperparameters.format(values[$0]!))" }.joined(separator: ", ")
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let s = String(format: "%.4g", v)
        return s
    }
}
