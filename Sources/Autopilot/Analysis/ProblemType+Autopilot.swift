import Learners

/// What Autopilot calls a problem type and how it judges candidates of that type.
extension ProblemType {
    /// The name Autopilot's API uses.
    public var autopilotName: String {
        switch self {
        case .binary: "BinaryClassification"
        case .multiclass: "MulticlassClassification"
        case .regression: "Regression"
        }
    }

    /// The default objective, as Autopilot's: F1, Accuracy, MSE.
    public var defaultMetric: Metric {
        switch self {
        case .binary: .f1
        case .multiclass: .accuracy
        case .regression: .mse
        }
    }

    /// The metrics an experiment of this type reports for every candidate.
    public var reportedMetrics: [Metric] {
        switch self {
        case .binary: [.f1, .auc, .accuracy, .balancedAccuracy, .precision, .recall, .logLoss]
        case .multiclass: [.accuracy, .f1Macro, .balancedAccuracy, .logLoss]
        case .regression: [.mse, .rmse, .mae, .r2]
        }
    }
}
