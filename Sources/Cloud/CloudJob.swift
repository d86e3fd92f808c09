/// A tabular Autopilot job as `CreateAutoMLJobV2` takes it, in AWS's vocabulary: the workbook's
/// settings mapped one to one (`BinaryClassification`, `F1`, `ENSEMBLING`).
public struct CloudJobRequest: Sendable, Equatable, Codable {
    public var name: String
    public var role: String
    /// The training CSV (with its header).
    public var data: CloudLocation
    /// Where the job writes its artifacts.
    public var output: CloudLocation
    public var target: String
    public var problemType: String?
    public var objective: String?
    public var mode: String?
    public var maxCandidates: Int?
    public var maxRuntimeSeconds: Int?
    public var maxTrialRuntimeSeconds: Int?
    public var candidatesOnly: Bool

    public init(
        name: String, role: String, data: CloudLocation, output: CloudLocation, target: String,
        problemType: String? = nil, objective: String? = nil, mode: String? = nil, maxCandidates: Int? = nil,
        maxRuntimeSeconds: Int? = nil, maxTrialRuntimeSeconds: Int? = nil, candidatesOnly: Bool = false
    ) {
        self.name = name
        self.role = role
        self.data = data
        self.output = output
        self.target = target
        self.problemType = problemType
        self.objective = objective
        self.mode = mode
        self.maxCandidates = maxCandidates
        self.maxRuntimeSeconds = maxRuntimeSeconds
        self.maxTrialRuntimeSeconds = maxTrialRuntimeSeconds
        self.candidatesOnly = candidatesOnly
    }
}

/// Where a job is (`DescribeAutoMLJobV2`).
public struct CloudJobState: Sendable, Equatable, Codable {
    /// `InProgress`, `Completed`, `Failed`, `Stopping`, `Stopped`.
    public var status: String
    /// `Starting`, `AnalyzingData`, `FeatureEngineering`, `ModelTuning`, ...
    public var secondaryStatus: String
    public var failureReason: String?
    public var best: CloudCandidate?
    public var problemType: String?
    public var objective: String?
    public var dataExplorationNotebook: String?
    public var candidateDefinitionNotebook: String?

    public init(
        status: String, secondaryStatus: String, failureReason: String? = nil, best: CloudCandidate? = nil,
        problemType: String? = nil, objective: String? = nil, dataExplorationNotebook: String? = nil,
        candidateDefinitionNotebook: String? = nil
    ) {
        self.status = status
        self.secondaryStatus = secondaryStatus
        self.failureReason = failureReason
        self.best = best
        self.problemType = problemType
        self.objective = objective
        self.dataExplorationNotebook = dataExplorationNotebook
        self.candidateDefinitionNotebook = candidateDefinitionNotebook
    }

    /// Whether the job has stopped moving.
    public var isFinished: Bool { ["Completed", "Failed", "Stopped"].contains(status) }
}

/// A candidate of a cloud job: its objective, metrics, inference containers and artifacts.
public struct CloudCandidate: Sendable, Equatable, Codable {
    public var name: String
    public var status: String
    public var objective: String?
    public var objectiveValue: Double?
    public var metrics: [Metric]
    public var containers: [Container]
    /// The training, processing and transform jobs it took, as `type name`.
    public var steps: [String]
    public var explainability: String?
    public var modelInsights: String?
    public var failureReason: String?

    public init(
        name: String, status: String, objective: String?, objectiveValue: Double?, metrics: [Metric],
        containers: [Container], steps: [String], explainability: String?, modelInsights: String?,
        failureReason: String?
    ) {
        self.name = name
        self.status = status
        self.objective = objective
        self.objectiveValue = objectiveValue
        self.metrics = metrics
        self.containers = containers
        self.steps = steps
        self.explainability = explainability
        self.modelInsights = modelInsights
        self.failureReason = failureReason
    }

    public struct Metric: Sendable, Equatable, Codable {
        public var name: String
        public var value: Double
        /// `Train`, `Validation` or `Test`.
        public var set: String?

        public init(name: String, value: Double, set: String?) {
            self.name = name
            self.value = value
            self.set = set
        }
    }

    /// A container of its inference pipeline.
    public struct Container: Sendable, Equatable, Codable {
        public var image: String
        public var modelData: String?
        public var environment: [String: String]

        public init(image: String, modelData: String?, environment: [String: String]) {
            self.image = image
            self.modelData = modelData
            self.environment = environment
        }
    }

    /// The value of `metric` measured on `set` (validation by default).
    public func metric(_ name: String, set: String = "Validation") -> Double? {
        metrics.first { $0.name == name && ($0.set ?? set) == set }?.value
    }
}
