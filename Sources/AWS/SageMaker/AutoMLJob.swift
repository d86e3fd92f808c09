/// The shapes of SageMaker's AutoML V2 API that pilot sends and reads, named as in the service
/// model (`CreateAutoMLJobV2`, `DescribeAutoMLJobV2`, `ListCandidatesForAutoMLJob`); members
/// not used here are left out, and unknown ones in answers are ignored.
public enum AutoML {
    /// `CreateAutoMLJobV2`'s request for a tabular job.
    public struct CreateJobRequest: Encodable, Sendable, Equatable {
        public var autoMLJobName: String
        public var autoMLJobInputDataConfig: [Channel]
        public var outputDataConfig: OutputDataConfig
        public var autoMLProblemTypeConfig: ProblemTypeConfig
        public var roleArn: String
        public var autoMLJobObjective: Objective?
        public var tags: [Tag]?

        public init(
            name: String, trainingData s3Uri: String, output: String, tabular: TabularJobConfig, role: String,
            objective: String?, tags: [Tag]? = nil
        ) {
            autoMLJobName = name
            autoMLJobInputDataConfig = [Channel(s3Uri: s3Uri)]
            outputDataConfig = OutputDataConfig(s3OutputPath: output)
            autoMLProblemTypeConfig = ProblemTypeConfig(tabularJobConfig: tabular)
            roleArn = role
            autoMLJobObjective = objective.map(Objective.init(metricName:))
            self.tags = tags
        }
    }

    /// The training data: one CSV (with a header) at an S3 address.
    public struct Channel: Encodable, Sendable, Equatable {
        public var channelType = "training"
        public var contentType = "text/csv;header=present"
        public var compressionType = "None"
        public var dataSource: DataSource

        public init(s3Uri: String) {
            dataSource = DataSource(s3DataSource: .init(s3DataType: "S3Prefix", s3Uri: s3Uri))
        }

        public struct DataSource: Encodable, Sendable, Equatable {
            public var s3DataSource: S3DataSource
        }

        public struct S3DataSource: Encodable, Sendable, Equatable {
            public var s3DataType: String
            public var s3Uri: String
        }
    }

    public struct OutputDataConfig: Codable, Sendable, Equatable {
        public var s3OutputPath: String
    }

    public struct ProblemTypeConfig: Codable, Sendable, Equatable {
        public var tabularJobConfig: TabularJobConfig?
    }

    /// What a tabular job predicts and how long it may search.
    public struct TabularJobConfig: Codable, Sendable, Equatable {
        public var targetAttributeName: String
        /// `BinaryClassification`, `MulticlassClassification` or `Regression`; inferred when nil.
        public var problemType: String?
        /// `AUTO`, `ENSEMBLING` or `HYPERPARAMETER_TUNING`.
        public var mode: String?
        public var completionCriteria: CompletionCriteria?
        public var generateCandidateDefinitionsOnly: Bool?

        public init(
            target: String, problemType: String? = nil, mode: String? = nil,
            completionCriteria: CompletionCriteria? = nil, candidatesOnly: Bool? = nil
        ) {
            targetAttributeName = target
            self.problemType = problemType
            self.mode = mode
            self.completionCriteria = completionCriteria
            generateCandidateDefinitionsOnly = candidatesOnly
        }
    }

    public struct CompletionCriteria: Codable, Sendable, Equatable {
        public var maxCandidates: Int?
        public var maxRuntimePerTrainingJobInSeconds: Int?
        public var maxAutoMLJobRuntimeInSeconds: Int?

        public init(maxCandidates: Int?, maxRuntimePerTrainingJob: Int?, maxJobRuntime: Int?) {
            self.maxCandidates = maxCandidates
            maxRuntimePerTrainingJobInSeconds = maxRuntimePerTrainingJob
            maxAutoMLJobRuntimeInSeconds = maxJobRuntime
        }
    }

    public struct Objective: Codable, Sendable, Equatable {
        public var metricName: String
    }

    public struct Tag: Codable, Sendable, Equatable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public struct CreateJobResponse: Decodable, Sendable {
        public var autoMLJobArn: String
    }

    /// `DescribeAutoMLJobV2`'s answer: where the job is, and what it found.
    public struct Job: Decodable, Sendable, Equatable {
        public var autoMLJobName: String
        public var autoMLJobArn: String
        /// `InProgress`, `Completed`, `Failed`, `Stopping`, `Stopped`.
        public var autoMLJobStatus: String
        /// `Starting`, `AnalyzingData`, `FeatureEngineering`, `ModelTuning`, ...
        public var autoMLJobSecondaryStatus: String
        public var failureReason: String?
        public var partialFailureReasons: [PartialFailure]?
        public var bestCandidate: Candidate?
        public var autoMLJobArtifacts: Artifacts?
        public var resolvedAttributes: ResolvedAttributes?
        public var autoMLJobObjective: Objective?
        public var autoMLProblemTypeConfig: ProblemTypeConfig?

        public struct PartialFailure: Decodable, Sendable, Equatable {
            public var partialFailureMessage: String?
        }

        public struct Artifacts: Decodable, Sendable, Equatable {
            public var candidateDefinitionNotebookLocation: String?
            public var dataExplorationNotebookLocation: String?
        }

        public struct ResolvedAttributes: Decodable, Sendable, Equatable {
            public var autoMLJobObjective: Objective?
            public var completionCriteria: CompletionCriteria?
            public var autoMLProblemTypeResolvedAttributes: ProblemTypeResolved?
        }

        public struct ProblemTypeResolved: Decodable, Sendable, Equatable {
            public var tabularResolvedAttributes: Tabular?
            public struct Tabular: Decodable, Sendable, Equatable { public var problemType: String? }
        }

        /// Whether the job has stopped moving: completed, failed or stopped.
        public var isFinished: Bool { ["Completed", "Failed", "Stopped"].contains(autoMLJobStatus) }

        /// The problem type the job settled on, given or inferred.
        public var problemType: String? {
            resolvedAttributes?.autoMLProblemTypeResolvedAttributes?.tabularResolvedAttributes?.problemType
                ?? autoMLProblemTypeConfig?.tabularJobConfig?.problemType
        }

        /// The objective the job settled on, given or its default.
        public var objective: String? {
            resolvedAttributes?.autoMLJobObjective?.metricName ?? autoMLJobObjective?.metricName
        }
    }

    /// One candidate: its pipeline of inference containers and its metrics.
    public struct Candidate: Codable, Sendable, Equatable {
        public var candidateName: String
        public var candidateStatus: String
        public var objectiveStatus: String?
        public var finalAutoMLJobObjectiveMetric: ObjectiveMetric?
        public var candidateSteps: [Step]?
        public var inferenceContainers: [Container]?
        public var candidateProperties: Properties?
        public var failureReason: String?

        public struct ObjectiveMetric: Codable, Sendable, Equatable {
            public var metricName: String
            public var value: Double
        }

        public struct Step: Codable, Sendable, Equatable {
            public var candidateStepType: String
            public var candidateStepName: String
        }

        public struct Properties: Codable, Sendable, Equatable {
            public var candidateArtifactLocations: ArtifactLocations?
            public var candidateMetrics: [Metric]?
        }

        public struct ArtifactLocations: Codable, Sendable, Equatable {
            public var explainability: String?
            public var modelInsights: String?
        }

        public struct Metric: Codable, Sendable, Equatable {
            public var metricName: String?
            public var value: Double?
            /// `Train`, `Validation` or `Test`.
            public var set: String?
        }
    }

    /// A container of a candidate's inference pipeline, as `CreateModel` takes it.
    public struct Container: Codable, Sendable, Equatable {
        public var image: String
        public var modelDataUrl: String?
        public var environment: [String: String]?

        public init(image: String, modelDataUrl: String?, environment: [String: String]?) {
            self.image = image
            self.modelDataUrl = modelDataUrl
            self.environment = environment
        }
    }

    struct ListCandidatesRequest: Encodable {
        var autoMLJobName: String
        var sortBy = "FinalObjectiveMetricValue"
        var sortOrder = "Descending"
        var maxResults = 100
        var nextToken: String?
    }

    struct ListCandidatesResponse: Decodable {
        var candidates: [Candidate]
        var nextToken: String?
    }

    struct JobName: Encodable {
        var autoMLJobName: String
    }
}
