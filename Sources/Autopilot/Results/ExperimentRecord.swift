/// Everything an experiment decided and measured, as stored in the experiment store and shown
/// by `leaderboard`, `candidate` and `experiments` (the model itself is kept apart).
public struct ExperimentRecord: Sendable, Codable, Equatable {
    public var name: String
    public var settings: AutopilotSettings
    public var target: TargetAnalysis
    public var plan: FeaturePlan
    /// The columns its models take, in order (what an endpoint's CSV rows hold).
    public var inputs: InputSchema
    public var metric: Metric
    public var validation: String
    public var pipelines: [PipelineDefinition]
    public var candidates: [Candidate]
    public var best: String?
    public var stoppedEarly: String?

    public init(
        name: String, settings: AutopilotSettings, analysis: AutopilotJob.Analysis, outcome: AutopilotJob.Outcome?
    ) {
        self.name = name
        self.settings = settings
        target = analysis.target
        target.labels = []
        plan = analysis.plan
        inputs = analysis.inputs
        metric = analysis.metric
        validation = analysis.validation
        pipelines = analysis.pipelines
        candidates = outcome?.candidates ?? []
        best = outcome?.best.name
        stoppedEarly = outcome?.stoppedEarly
    }

    public var bestCandidate: Candidate? { candidates.first { $0.name == best } }
}

extension TargetAnalysis: Equatable {
    public static func == (a: TargetAnalysis, b: TargetAnalysis) -> Bool {
        a.column == b.column && a.problem == b.problem && a.rule == b.rule && a.classes == b.classes
            && a.missingRows == b.missingRows
    }
}
