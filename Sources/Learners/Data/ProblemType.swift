/// What kind of prediction an experiment makes.
public enum ProblemType: String, Sendable, CaseIterable, Codable {
    case binary, multiclass, regression
}
