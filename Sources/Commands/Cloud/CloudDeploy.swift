import Cloud
import Diagnostics
import Foundation
import Kernel
import TextLayout

/// `deploy EXP.best as NAME [instance=] [count=]` for a SageMaker experiment: a model of the
/// candidate's inference containers, an endpoint configuration and the endpoint, followed until
/// it is in service.
enum CloudDeploy {
    static func run(
        _ value: CloudExperimentValue, candidate reference: String, model: String, as name: String,
        instance: String, count: Int, context: CommandContext
    ) throws {
        let session = context.session
        let cloud = try context.cloud()
        if session.values[name] is CloudEndpointValue || session.values[name] is EndpointValue {
            throw Diagnostic(
                "endpoint '\(name)' already exists", hint: "cleanup \(name) first, or deploy \(model) as another name")
        }
        let candidate = try CloudCandidateReport.candidate(reference, of: value, context: context)
        guard candidate.status == "Completed", !candidate.containers.isEmpty else {
            throw Diagnostic(
                "candidate \(candidate.name) has no model to serve (\(candidate.status))",
                hint: "deploy \(value.name).best, or a completed candidate from leaderboard \(value.name)")
        }
        let (containers, probability) = responseContainers(candidate.containers)
        let endpointName = CloudEndpointValue.sageMakerName(name)
        let region = value.record.region
        context.live?.progress("Creating endpoint \(endpointName)", fraction: nil, detail: instance)
        try cloud.createEndpoint(
            CloudEndpointRequest(
                name: endpointName, role: value.record.request.role, containers: containers, instanceType: instance,
                instanceCount: count), region: region)
        var record = value.record
        record.endpoints = record.endpoints.filter { $0 != endpointName } + [endpointName]
        value.record = record
        try session.save(record)
        let endpoint = CloudEndpointValue(
            name: name, endpointName: endpointName, modelName: model, experiment: value.name, region: region,
            instance: "\(instance) × \(count)", status: "Creating", answersProbability: probability)
        session.store(endpoint, as: name)
        let state = try follow(endpoint, cloud: cloud, context: context)
        endpoint.status = state.status
        guard state.status == "InService" else {
            throw Diagnostic(
                "SageMaker endpoint \(endpointName) \(state.status == "Failed" ? "failed" : "is \(state.status)"): "
                    + (state.failureReason ?? "no reason given"),
                hint: "cleanup \(name) deletes what was made (the endpoint, its configuration and its model)")
        }
        let lines = [
            "deployed \(model) as SageMaker endpoint '\(endpointName)' in \(region): InService",
            "  model: \(containers.count == 1 ? "one container" : "an inference pipeline of \(containers.count) containers"); "
                + "\(instance) × \(count)",
            "  takes text/csv rows (no header, no target); answers predicted_label"
                + (probability ? " and probability" : ""),
            "  costs money for every hour it runs, until cleanup \(name)",
        ]
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
    }

    /// The candidate's containers, asked to answer the probability beside the label when the
    /// last one says it can (`SAGEMAKER_INFERENCE_SUPPORTED`), as the SageMaker SDK asks.
    static func responseContainers(_ containers: [CloudCandidate.Container]) -> ([CloudCandidate.Container], Bool) {
        let supported = (containers.last?.environment["SAGEMAKER_INFERENCE_SUPPORTED"] ?? "")
            .split(separator: ",").map(String.init)
        guard supported.contains("predicted_label") else { return (containers, false) }
        let keys = supported.contains("probability") ? "predicted_label,probability" : "predicted_label"
        let asked = containers.map { container in
            var container = container
            container.environment["SAGEMAKER_INFERENCE_OUTPUT"] = keys
            return container
        }
        return (asked, keys.contains("probability"))
    }

    /// Waits for the endpoint to leave `Creating`, with progress; Ctrl-C stops waiting only.
    static func follow(
        _ endpoint: CloudEndpointValue, cloud: any AutopilotCloud, context: CommandContext
    ) throws
        -> CloudEndpointState
    {
        defer { context.live?.endProgress() }
        while true {
            let state = try cloud.describeEndpoint(endpoint.endpointName, region: endpoint.region)
            endpoint.status = state.status
            if !["Creating", "Updating", "SystemUpdating"].contains(state.status) { return state }
            context.live?.progress("Endpoint \(endpoint.endpointName): \(state.status)", fraction: nil, detail: "")
            if context.waitOrStop(context.pollInterval) {
                throw Diagnostic.interrupted(
                    hint: "endpoint \(endpoint.endpointName) keeps starting on SageMaker, and costs money: "
                        + "endpoints shows it, cleanup \(endpoint.name) deletes it")
            }
        }
    }
}
