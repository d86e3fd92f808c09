import Diagnostics

/// Why an experiment cannot run, said so a user knows what to change.
public enum AutopilotError: Error, Sendable, Equatable, DiagnosticConvertible {
    case noSuchTarget(String, suggestions: [String])
    case targetAllMissing(String)
    case targetOneClass(String, value: String)
    case targetTooManyClasses(String, count: Int)
    case targetNotNumeric(String)
    case notBinary(String, distinct: Int)
    case tooFewRows(Int, needed: Int)
    case noFeatures
    case metricDoesNotFit(Metric, ProblemType)
    case learner(String)
    case cancelledBeforeAnyCandidate

    /// What went wrong.
    public var message: String {
        switch self {
        case .noSuchTarget(let name, _): "no column named '\(name)' to predict"
        case .targetAllMissing(let name): "the target '\(name)' has no values: every row is missing"
        case .targetOneClass(let name, let value):
            "the target '\(name)' has one value only ('\(value)'): nothing to learn"
        case .targetTooManyClasses(let name, let count):
            "the target '\(name)' has \(count) distinct values: too many classes"
        case .targetNotNumeric(let name): "problem=regression needs a numeric target, and '\(name)' holds text"
        case .notBinary(let name, let distinct): "problem=binary needs 2 classes, and '\(name)' has \(distinct)"
        case .tooFewRows(let rows, let needed):
            "\(rows) rows with a target value is too few to learn from (at least \(needed))"
        case .noFeatures: "no usable feature column is left"
        case .metricDoesNotFit(let metric, let problem):
            "metric=\(metric.rawValue) does not apply to \(problem.rawValue) problems"
        case .learner(let text): text
        case .cancelledBeforeAnyCandidate: "stopped before any candidate finished"
        }
    }

    /// What to do about it.
    public var hint: String? {
        switch self {
        case .noSuchTarget(_, let names): "columns: " + names.joined(separator: ", ")
        case .targetAllMissing: "choose another target column"
        case .targetOneClass: "choose a target that varies, or filter less"
        case .targetTooManyClasses: "for a number, say problem=regression; else group the classes first"
        case .targetNotNumeric: "use problem=multiclass or problem=binary, or leave problem= out"
        case .notBinary: "leave problem= out to let the rules choose, or say problem=multiclass"
        case .tooFewRows: "load more data"
        case .noFeatures: "check exclude=, and the dropped columns listed above"
        case .metricDoesNotFit(_, let problem):
            "metrics for \(problem.rawValue): "
                + Metric.allCases.filter { $0.problems.contains(problem) }.map(\.rawValue).joined(separator: ", ")
        case .learner: nil
        case .cancelledBeforeAnyCandidate: "run it again, with a larger max_runtime"
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(message, hint: hint) }
}
