import Learners

/// An objective or reported metric.
public enum Metric: String, Sendable, CaseIterable, Codable {
    case f1 = "F1", auc = "AUC", accuracy = "Accuracy", balancedAccuracy = "BalancedAccuracy"
    case precision = "Precision", recall = "Recall", logLoss = "LogLoss", f1Macro = "F1macro"
    case mse = "MSE", rmse = "RMSE", mae = "MAE", r2 = "R2"

    /// Whether larger values are better.
    public var higherIsBetter: Bool {
        switch self {
        case .logLoss, .mse, .rmse, .mae: false
        default: true
        }
    }

    /// How far `value` is from a perfect score: 1 − value for shares and AUC (R² too), the
    /// value itself for losses and errors.
    public func error(_ value: Double) -> Double { higherIsBetter ? 1 - value : value }

    /// Whether the metric depends on a decision threshold (and so benefits from tuning it).
    public var usesThreshold: Bool {
        switch self {
        case .f1, .accuracy, .balancedAccuracy, .precision, .recall: true
        default: false
        }
    }

    /// The problem types it applies to.
    public var problems: [ProblemType] {
        switch self {
        case .f1, .auc, .precision, .recall: [.binary]
        case .accuracy, .balancedAccuracy, .logLoss: [.binary, .multiclass]
        case .f1Macro: [.multiclass]
        case .mse, .rmse, .mae, .r2: [.regression]
        }
    }

    /// Parses a metric name case-insensitively (`f1`, `AUC`, `balancedaccuracy`).
    public init?(name: String) {
        guard let metric = Metric.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = metric
    }
}
