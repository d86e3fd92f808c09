import Foundation

/// SageMaker's API through an ``AWSClient``: AutoML V2 jobs and their candidates, models,
/// endpoint configurations and endpoints, and SageMaker Runtime's InvokeEndpoint.
///
/// ```swift
/// let sageMaker = AWSClient().sageMaker
/// let arn = try await sageMaker.createAutoMLJob(request)
/// let job = try await sageMaker.describeAutoMLJob(named: request.autoMLJobName)
/// ```
public struct SageMakerClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    private func call<Input: Encodable, Output: Decodable>(
        _ operation: String, _ input: Input, as output: Output.Type = NoOutput.self
    ) async throws(AWSError) -> Output {
        try await client.call(.sageMaker, target: "SageMaker.\(operation)", input, as: output)
    }

    // MARK: AutoML jobs

    /// Starts a job; returns its ARN.
    public func createAutoMLJob(_ request: AutoML.CreateJobRequest) async throws(AWSError) -> String {
        try await call("CreateAutoMLJobV2", request, as: AutoML.CreateJobResponse.self).autoMLJobArn
    }

    public func describeAutoMLJob(named name: String) async throws(AWSError) -> AutoML.Job {
        try await call("DescribeAutoMLJobV2", AutoML.JobName(autoMLJobName: name), as: AutoML.Job.self)
    }

    /// Asks a running job to stop; it passes through `Stopping` to `Stopped`.
    public func stopAutoMLJob(named name: String) async throws(AWSError) {
        _ = try await call("StopAutoMLJob", AutoML.JobName(autoMLJobName: name))
    }

    /// Every candidate of a job, highest objective value first, all pages read (`pageSize` at a
    /// time, 100 at most).
    public func candidates(ofJob name: String, pageSize: Int = 100) async throws(AWSError) -> [AutoML.Candidate] {
        var candidates: [AutoML.Candidate] = []
        var request = AutoML.ListCandidatesRequest(autoMLJobName: name, maxResults: pageSize)
        repeat {
            let page = try await call("ListCandidatesForAutoMLJob", request, as: AutoML.ListCandidatesResponse.self)
            candidates += page.candidates
            request.nextToken = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
        } while request.nextToken != nil
        return candidates
    }

    // MARK: Hosting

    /// Makes a model of `containers` (an inference pipeline when there are several); its ARN.
    @discardableResult
    public func createModel(
        named name: String, role: String, containers: [AutoML.Container]
    ) async throws(AWSError)
        -> String
    {
        struct Answer: Decodable { var modelArn: String }
        return try await call(
            "CreateModel", Hosting.CreateModelRequest(modelName: name, executionRoleArn: role, containers: containers),
            as: Answer.self
        ).modelArn
    }

    public func createEndpointConfig(
        named name: String, model: String, instanceType: String, count: Int
    )
        async throws(AWSError)
    {
        let variant = Hosting.ProductionVariant(
            modelName: model, initialInstanceCount: count, instanceType: instanceType)
        _ = try await call(
            "CreateEndpointConfig",
            Hosting.CreateEndpointConfigRequest(endpointConfigName: name, productionVariants: [variant]))
    }

    public func createEndpoint(named name: String, config: String) async throws(AWSError) {
        _ = try await call(
            "CreateEndpoint", Hosting.CreateEndpointRequest(endpointName: name, endpointConfigName: config))
    }

    public func describeEndpoint(named name: String) async throws(AWSError) -> Hosting.Endpoint {
        try await call("DescribeEndpoint", Hosting.EndpointName(endpointName: name), as: Hosting.Endpoint.self)
    }

    public func describeEndpointConfig(named name: String) async throws(AWSError) -> Hosting.EndpointConfig {
        try await call(
            "DescribeEndpointConfig", Hosting.EndpointConfigName(endpointConfigName: name),
            as: Hosting.EndpointConfig.self)
    }

    public func deleteEndpoint(named name: String) async throws(AWSError) {
        _ = try await call("DeleteEndpoint", Hosting.EndpointName(endpointName: name))
    }

    public func deleteEndpointConfig(named name: String) async throws(AWSError) {
        _ = try await call("DeleteEndpointConfig", Hosting.EndpointConfigName(endpointConfigName: name))
    }

    public func deleteModel(named name: String) async throws(AWSError) {
        _ = try await call("DeleteModel", Hosting.ModelName(modelName: name))
    }

    // MARK: Runtime

    /// SageMaker Runtime's InvokeEndpoint: `body` to the endpoint, its answer back.
    public func invokeEndpoint(
        named name: String, body: Data, contentType: String = "text/csv", accept: String = "text/csv"
    ) async throws(AWSError) -> Data {
        try await client.restJSON(
            .sageMakerRuntime, operation: "InvokeEndpoint", method: "POST",
            path: "/endpoints/\(URIEncoding.encode(name))/invocations",
            headers: [(name: "Content-Type", value: contentType), (name: "Accept", value: accept)], body: body
        ).body
    }
}

extension AWSClient {
    /// SageMaker through this client's configuration.
    public var sageMaker: SageMakerClient { SageMakerClient(client: self) }
}
