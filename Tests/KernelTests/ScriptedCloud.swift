import Cloud
import Diagnostics
import Foundation
import Kernel
import Synchronization

/// SageMaker as the commands see it, in memory: a job walks one secondary status per describe,
/// endpoints go Creating → InService, InvokeEndpoint answers a label (and probability) per row.
/// The AWS adaptor itself is tested against moto's server; this pins what the cells say.
final class ScriptedCloud: AutopilotCloud {
    struct State {
        var jobs: [String: (request: CloudJobRequest, step: Int)] = [:]
        var created: [CloudJobRequest] = []
        var stopped: [String] = []
        var endpoints: [String: (request: CloudEndpointRequest, step: Int)] = [:]
        var deleted: [String] = []
        var invocations: [String] = []
        /// The bytes of each InvokeEndpoint's body.
        var payloads: [Int] = []
        /// Raised at the second look at a job, as a user pressing Ctrl-C while it runs.
        var interruption: Interruption?
    }

    /// An interruption this cloud raises at the second look at a job.
    func interruptingAtSecondLook() -> Interruption {
        let interruption = Interruption()
        state.withLock { $0.interruption = interruption }
        return interruption
    }

    let state = Mutex(State())
    /// The secondary statuses a job passes through; the last is where it ends.
    let path: [String]
    let checks: [PreflightCheck]
    /// Why the job fails at its last step, when it does.
    let failure: String?
    let endpointFailure: String?

    init(
        path: [String] = [
            "Starting", "AnalyzingData", "FeatureEngineering", "ModelTuning", "GeneratingExplainabilityReport",
            "GeneratingModelInsightsReport", "Completed",
        ], checks: [PreflightCheck]? = nil, failure: String? = nil, endpointFailure: String? = nil
    ) {
        self.path = path
        self.checks =
            checks ?? [
                PreflightCheck(item: "credentials", ready: true, detail: "arn:aws:iam::123456789012:user/pilot"),
                PreflightCheck(item: "region", ready: true, detail: "us-east-1"),
                PreflightCheck(item: "output", ready: true, detail: "s3://class/runs (reachable, writable)"),
                PreflightCheck(item: "role", ready: true, detail: "pilot (SageMaker may assume it)"),
            ]
        self.failure = failure
        self.endpointFailure = endpointFailure
    }

    func region(_ requested: String?) throws(Diagnostic) -> String { requested ?? "us-east-1" }

    func preflight(role: String, output: CloudLocation, region: String?) -> [PreflightCheck] { checks }

    func createJob(_ job: CloudJobRequest, region: String?) throws(Diagnostic) -> String {
        state.withLock {
            $0.jobs[job.name] = (job, 0)
            $0.created.append(job)
        }
        return "arn:aws:sagemaker:us-east-1:123456789012:automl-job/\(job.name)"
    }

    func describeJob(_ name: String, region: String?) throws(Diagnostic) -> CloudJobState? {
        let found: (request: CloudJobRequest, step: Int)? = state.withLock { state in
            guard var job = state.jobs[name] else { return nil }
            job.step = min(job.step + 1, path.count)
            state.jobs[name] = job
            if job.step == 2, let interruption = state.interruption {
                interruption.raise()
                state.interruption = nil
            }
            return job
        }
        guard let (request, step) = found else { return nil }
        let stopped = state.withLock { $0.stopped.contains(name) }
        if stopped { return CloudJobState(status: "Stopped", secondaryStatus: "Stopped") }
        let secondary = path[step - 1]
        guard step == path.count else { return CloudJobState(status: "InProgress", secondaryStatus: secondary) }
        if let failure { return CloudJobState(status: "Failed", secondaryStatus: "Failed", failureReason: failure) }
        return CloudJobState(
            status: "Completed",
            secondaryStatus: request.candidatesOnly ? "CandidateDefinitionsGenerated" : "Completed",
            best: request.candidatesOnly ? nil : candidates(request)[0],
            problemType: request.problemType ?? "BinaryClassification",
            objective: request.objective ?? "F1",
            dataExplorationNotebook:
                "s3://\(request.output.bucket)/\(request.output.key)/\(name)/notebooks/data-exploration.ipynb",
            candidateDefinitionNotebook:
                "s3://\(request.output.bucket)/\(request.output.key)/\(name)/notebooks/candidate-definitions.ipynb")
    }

    func stopJob(_ name: String, region: String?) throws(Diagnostic) {
        state.withLock { $0.stopped.append(name) }
    }

    func candidates(ofJob name: String, region: String?) throws(Diagnostic) -> [CloudCandidate] {
        guard let request = state.withLock({ $0.jobs[name]?.request }) else {
            throw Diagnostic("no job \(name)")
        }
        return candidates(request)
    }

    /// Three candidates, best first, named like Autopilot's.
    func candidates(_ request: CloudJobRequest) -> [CloudCandidate] {
        let objective = request.objective ?? "F1"
        return [("XGBoost", 0.8123), ("Linear", 0.7456), ("MLP", 0.7012)].enumerated().map { index, pair in
            CloudCandidate(
                name: "\(request.name)-\(pair.0)-00\(index + 1)", status: "Completed", objective: objective,
                objectiveValue: pair.1,
                metrics: [
                    .init(name: objective, value: pair.1, set: "Validation"),
                    .init(name: "Accuracy", value: pair.1 + 0.1, set: "Validation"),
                ],
                containers: [
                    .init(
                        image: "sklearn-automl:2.5", modelData: "s3://class/runs/\(index)/data-processor.tar.gz",
                        environment: ["AUTOML_TRANSFORM_MODE": "feature-transform"]),
                    .init(
                        image: "xgboost:1.7", modelData: "s3://class/runs/\(index)/model.tar.gz",
                        environment: ["SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability"]),
                ], steps: ["AWS::SageMaker::TrainingJob \(request.name)-tuning-00\(index + 1)"],
                explainability: "s3://class/runs/\(index)/explainability",
                modelInsights: "s3://class/runs/\(index)/insights",
                failureReason: nil)
        }
    }

    func createEndpoint(_ endpoint: CloudEndpointRequest, region: String?) throws(Diagnostic) {
        try state.withLock { (state) throws(Diagnostic) in
            if state.endpoints[endpoint.name] != nil {
                throw Diagnostic("SageMaker already has an endpoint named '\(endpoint.name)'")
            }
            state.endpoints[endpoint.name] = (endpoint, 0)
        }
    }

    func describeEndpoint(_ name: String, region: String?) throws(Diagnostic) -> CloudEndpointState {
        let step = try state.withLock { (state) throws(Diagnostic) -> Int in
            guard var endpoint = state.endpoints[name] else { throw Diagnostic("no endpoint \(name)") }
            endpoint.step += 1
            state.endpoints[name] = endpoint
            return endpoint.step
        }
        if step < 3 { return CloudEndpointState(status: "Creating") }
        if let endpointFailure { return CloudEndpointState(status: "Failed", failureReason: endpointFailure) }
        return CloudEndpointState(status: "InService")
    }

    func invokeEndpoint(_ name: String, csv: [UInt8], accept: String, region: String?) throws(Diagnostic) -> [UInt8] {
        let rows = String(decoding: csv, as: UTF8.self).split(separator: "\n")
        state.withLock {
            $0.invocations.append(name)
            $0.payloads.append(csv.count)
        }
        return Array(rows.enumerated().map { index, _ in index % 2 == 0 ? "yes,0.9\n" : "no,0.2\n" }.joined().utf8)
    }

    func deleteEndpoint(_ name: String, region: String?) throws(Diagnostic) -> [String] {
        state.withLock { state in
            guard state.endpoints.removeValue(forKey: name) != nil else { return [] }
            state.deleted.append(name)
            return ["endpoint \(name)", "endpoint config \(name)", "model \(name)"]
        }
    }
}
