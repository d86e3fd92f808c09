import AWS
import Cloud
import Diagnostics
import Foundation

/// The commands' ``AutopilotCloud`` over SageMaker, through our AWS client, configured at first
/// use (``LazyAWSClient``).
public final class SageMakerAutopilot: AutopilotCloud {
    private let clients: LazyAWSClient

    /// - Parameters:
    ///   - environment: the session's environment variables (`AWS_*`, `HOME`).
    ///   - home: the folder holding `.aws/`; `HOME` from `environment` when nil.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String? = nil,
        retry: RetryPolicy = .standard
    ) {
        clients = LazyAWSClient(environment: environment, home: home, retry: retry)
    }

    /// A client for `region`, or for the configured one.
    func aws(_ region: String?) -> AWSClient { clients.client(region: region) }

    public func region(_ requested: String?) throws(Diagnostic) -> String {
        let client = aws(requested)
        do throws(AWSError) {
            return try client.configuration.endpoint(for: .sageMaker).region
        } catch {
            throw error.diagnostic
        }
    }

    // MARK: Jobs

    public func createJob(_ job: CloudJobRequest, region: String?) throws(Diagnostic) -> String {
        let sageMaker = aws(region).sageMaker
        let request = Self.request(for: job)
        return try Self.wait {
            () async throws(AWSError) -> String in
            try await sageMaker.createAutoMLJob(request)
        } explaining: { error in
            Self.jobDiagnostic(error, job: job.name, role: job.role)
        }
    }

    /// `CreateAutoMLJobV2`'s request for `job`.
    static func request(for job: CloudJobRequest) -> AutoML.CreateJobRequest {
        let limits = [job.maxCandidates, job.maxRuntimeSeconds, job.maxTrialRuntimeSeconds].contains { $0 != nil }
        let tabular = AutoML.TabularJobConfig(
            target: job.target, problemType: job.problemType, mode: job.mode,
            completionCriteria: limits
                ? AutoML.CompletionCriteria(
                    maxCandidates: job.maxCandidates, maxRuntimePerTrainingJob: job.maxTrialRuntimeSeconds,
                    maxJobRuntime: job.maxRuntimeSeconds) : nil,
            candidatesOnly: job.candidatesOnly ? true : nil)
        return AutoML.CreateJobRequest(
            name: job.name, trainingData: job.data.description, output: job.output.description, tabular: tabular,
            role: job.role, objective: job.objective, tags: [AutoML.Tag(key: "created-by", value: "pilotbook")])
    }

    public func describeJob(_ name: String, region: String?) throws(Diagnostic) -> CloudJobState? {
        let sageMaker = aws(region).sageMaker
        let found = try Self.wait {
            () async throws(AWSError) -> AutoML.Job? in
            do throws(AWSError) {
                return try await sageMaker.describeAutoMLJob(named: name)
            } catch  where SageMakerAutopilot.isMissing(error) {
                return nil
            }
        } explaining: { error in
            Self.jobDiagnostic(error, job: name, role: nil)
        }
        guard let job = found else { return nil }
        return CloudJobState(
            status: job.autoMLJobStatus, secondaryStatus: job.autoMLJobSecondaryStatus,
            failureReason: job.failureReason, best: job.bestCandidate.map(Self.candidate),
            problemType: job.problemType, objective: job.objective,
            dataExplorationNotebook: job.autoMLJobArtifacts?.dataExplorationNotebookLocation,
            candidateDefinitionNotebook: job.autoMLJobArtifacts?.candidateDefinitionNotebookLocation)
    }

    public func stopJob(_ name: String, region: String?) throws(Diagnostic) {
        let sageMaker = aws(region).sageMaker
        try Self.wait { () async throws(AWSError) in
            try await sageMaker.stopAutoMLJob(named: name)
        } explaining: {
            Self.jobDiagnostic($0, job: name, role: nil)
        }
    }

    public func candidates(ofJob name: String, region: String?) throws(Diagnostic) -> [CloudCandidate] {
        let sageMaker = aws(region).sageMaker
        return try Self.wait {
            () async throws(AWSError) -> [AutoML.Candidate] in
            try await sageMaker.candidates(ofJob: name)
        } explaining: {
            Self.jobDiagnostic($0, job: name, role: nil)
        }.map(Self.candidate)
    }

    static func candidate(_ c: AutoML.Candidate) -> CloudCandidate {
        CloudCandidate(
            name: c.candidateName, status: c.candidateStatus, objective: c.finalAutoMLJobObjectiveMetric?.metricName,
            objectiveValue: c.finalAutoMLJobObjectiveMetric?.value,
            metrics: (c.candidateProperties?.candidateMetrics ?? []).compactMap { metric in
                guard let name = metric.metricName, let value = metric.value else { return nil }
                return CloudCandidate.Metric(name: name, value: value, set: metric.set)
            },
            containers: (c.inferenceContainers ?? []).map {
                CloudCandidate.Container(
                    image: $0.image, modelData: $0.modelDataUrl, environment: $0.environment ?? [:])
            },
            steps: (c.candidateSteps ?? []).map { "\($0.candidateStepType) \($0.candidateStepName)" },
            explainability: c.candidateProperties?.candidateArtifactLocations?.explainability,
            modelInsights: c.candidateProperties?.candidateArtifactLocations?.modelInsights,
            failureReason: c.failureReason)
    }

    /// AWS's answer about a job, with a hint that fits SageMaker's usual complaints.
    static func jobDiagnostic(_ error: AWSError, job: String, role: String?) -> Diagnostic {
        let message = error.message
        switch error.code {
        case "ResourceInUse":
            return Diagnostic(
                "a SageMaker job named '\(job)' already exists (ResourceInUse)",
                hint: "job names are unique in an account and region: name the experiment differently")
        case "ResourceNotFound":
            return Diagnostic(
                "SageMaker has no job named '\(job)' in this region (ResourceNotFound)",
                hint: "check the region (AWS_REGION) the job was made in")
        case "ResourceLimitExceeded":
            return Diagnostic(
                "SageMaker refused the job: an account limit is reached (ResourceLimitExceeded): \(message)",
                hint: "stop a running job, or ask AWS Service Quotas for a higher limit")
        case "ValidationException" where message.localizedCaseInsensitiveContains("role"):
            return Diagnostic(
                "SageMaker cannot use the role \(role.map { "'\($0)'" } ?? "") (ValidationException): \(message)",
                hint: "check that the role exists and trusts sagemaker.amazonaws.com; "
                    + "autopilot ... check_only=yes checks it")
        case "ValidationException" where message.localizedCaseInsensitiveContains("could not find"):
            return Diagnostic(
                "SageMaker has no job named '\(job)' in this region (ValidationException): \(message)",
                hint: "check the region (AWS_REGION) the job was made in")
        default:
            return error.diagnostic
        }
    }

    // MARK: Endpoints

    public func createEndpoint(_ endpoint: CloudEndpointRequest, region: String?) throws(Diagnostic) {
        let sageMaker = aws(region).sageMaker
        let containers = endpoint.containers.map {
            AutoML.Container(image: $0.image, modelDataUrl: $0.modelData, environment: $0.environment)
        }
        try Self.wait { () async throws(AWSError) in
            try await sageMaker.createModel(named: endpoint.name, role: endpoint.role, containers: containers)
            try await sageMaker.createEndpointConfig(
                named: endpoint.name, model: endpoint.name, instanceType: endpoint.instanceType,
                count: endpoint.instanceCount)
            try await sageMaker.createEndpoint(named: endpoint.name, config: endpoint.name)
        } explaining: {
            Self.endpointDiagnostic($0, endpoint: endpoint.name)
        }
    }

    public func describeEndpoint(_ name: String, region: String?) throws(Diagnostic) -> CloudEndpointState {
        let sageMaker = aws(region).sageMaker
        let endpoint = try Self.wait {
            () async throws(AWSError) -> Hosting.Endpoint in
            try await sageMaker.describeEndpoint(named: name)
        } explaining: {
            Self.endpointDiagnostic($0, endpoint: name)
        }
        return CloudEndpointState(status: endpoint.endpointStatus, failureReason: endpoint.failureReason)
    }

    public func invokeEndpoint(
        _ name: String, csv: [UInt8], accept: String, region: String?
    ) throws(Diagnostic)
        -> [UInt8]
    {
        let sageMaker = aws(region).sageMaker
        let body = Data(csv)
        return Array(
            try Self.wait {
                () async throws(AWSError) -> Data in
                try await sageMaker.invokeEndpoint(named: name, body: body, contentType: "text/csv", accept: accept)
            } explaining: {
                Self.endpointDiagnostic($0, endpoint: name)
            })
    }

    public func deleteEndpoint(_ name: String, region: String?) throws(Diagnostic) -> [String] {
        let sageMaker = aws(region).sageMaker
        return try Self.wait { () async throws(AWSError) -> [String] in
            var deleted: [String] = []
            // The endpoint's configuration names its model; both are named after the endpoint
            // when pilot made them, but read it rather than guess.
            var model = name
            if let config = try? await sageMaker.describeEndpointConfig(named: name) {
                model = config.productionVariants.first?.modelName ?? name
            }
            if try await Self.deleting({ () async throws(AWSError) in try await sageMaker.deleteEndpoint(named: name) })
            {
                deleted.append("endpoint \(name)")
            }
            if try await Self.deleting({ () async throws(AWSError) in
                try await sageMaker.deleteEndpointConfig(named: name)
            }) {
                deleted.append("endpoint config \(name)")
            }
            if try await Self.deleting({ () async throws(AWSError) in try await sageMaker.deleteModel(named: model) }) {
                deleted.append("model \(model)")
            }
            return deleted
        } explaining: {
            Self.endpointDiagnostic($0, endpoint: name)
        }
    }

    /// Runs one delete; false when the thing was not there (already deleted).
    private static func deleting(_ delete: () async throws(AWSError) -> Void) async throws(AWSError) -> Bool {
        do throws(AWSError) {
            try await delete()
            return true
        } catch  where isMissing(error) {
            return false
        }
    }

    /// An answer saying the thing is not there (already deleted).
    static func isMissing(_ error: AWSError) -> Bool {
        error.code == "ResourceNotFound"
            || (error.code == "ValidationException"
                && (error.message.localizedCaseInsensitiveContains("could not find")
                    || error.message.localizedCaseInsensitiveContains("does not exist")))
    }

    static func endpointDiagnostic(_ error: AWSError, endpoint: String) -> Diagnostic {
        switch error.code {
        case "ModelError":
            return Diagnostic(
                "endpoint '\(endpoint)' refused the rows (ModelError): \(error.message)",
                hint: "send rows in the training columns' order, without the header and the target")
        case "ResourceLimitExceeded":
            return Diagnostic(
                "SageMaker refused the endpoint: an account limit is reached (ResourceLimitExceeded): \(error.message)",
                hint: "cleanup an endpoint you no longer need, or choose another instance= type")
        case "ValidationException" where isMissing(error):
            return Diagnostic(
                "SageMaker has no endpoint named '\(endpoint)' in this region (ValidationException)",
                hint: "endpoints lists this workbook's endpoints; check the region (AWS_REGION)")
        case "ValidationException" where error.message.localizedCaseInsensitiveContains("already"):
            return Diagnostic(
                "SageMaker already has an endpoint, configuration or model named '\(endpoint)': \(error.message)",
                hint: "deploy as another name, or cleanup \(endpoint) first")
        default:
            return error.diagnostic
        }
    }

    // MARK: Waiting

    /// Runs `work` to the end (AWS calls are short; following a job is the caller's loop).
    static func wait<T: Sendable>(
        _ work: @escaping @Sendable () async throws(AWSError) -> T, explaining: (AWSError) -> Diagnostic
    ) throws(Diagnostic) -> T {
        switch SyncBridge.run(isCancelled: { false }, work) {
        case .success(let value)?: return value
        case .failure(let failure)?: throw explaining(failure)
        case nil: throw Diagnostic.interrupted()
        }
    }
}
