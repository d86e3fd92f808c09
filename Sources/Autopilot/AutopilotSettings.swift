/// What an `autopilot` run was asked to do.
public struct AutopilotSettings: Sendable, Codable, Equatable {
    public enum Mode: String, Sendable, Codable, CaseIterable { case auto, hpo, ensemble }

    public var target: String
    public var problem: ProblemType?
    public var metric: Metric?
    public var mode: Mode = .auto
    /// How many candidates to train at most.
    public var maxCandidates = 16
    /// Seconds for the whole search; the best finished candidate is kept when it runs out.
    public var maxRuntime: Double = 300
    /// Seconds for one candidate's training.
    public var maxTrialRuntime: Double = 120
    public var exclude: [String] = []
    /// Stop after writing the candidate definitions, like Autopilot's "run a pilot".
    public var candidatesOnly = false
    public var seed = 0
    /// Threads for training.
    public var threads = 2

    public init(target: String) {
        self.target = target
    }
}
