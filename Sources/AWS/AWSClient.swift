import Foundation

/// Our small AWS client: configuration as boto3 finds it, SigV4, retries, and the protocols the
/// project's calls need: JSON 1.1 (SageMaker), REST-JSON, the query protocol (IAM, STS), and S3
/// (REST-XML) through ``s3``.
///
/// ```swift
/// let aws = AWSClient()
/// let endpoints = try await aws.call(.sageMaker, target: "SageMaker.ListEndpoints", json: [:])
/// try await aws.s3.upload(file: "train.csv", bucket: "data", key: "bank/train.csv") { done, total in }
/// ```
public struct AWSClient: Sendable {
    public var configuration: AWSConfiguration
    public var retry: RetryPolicy

    public init(configuration: AWSConfiguration = AWSConfiguration(), retry: RetryPolicy = .standard) {
        self.configuration = configuration
        self.retry = retry
    }

    /// S3 through this client's configuration.
    public var s3: S3Client { S3Client(client: self) }

    var transport: AWSTransport { AWSTransport(retry: retry) }

    /// The signer and endpoint for `service`: fails without credentials or region.
    func route(_ service: AWSService) throws(AWSError) -> (endpoint: AWSEndpoint, signer: SigV4Signer) {
        let credentials = try configuration.requireCredentials()
        let (endpoint, region) = try configuration.endpoint(for: service)
        return (endpoint, SigV4Signer(credentials: credentials, region: region, service: service.signingName))
    }

    /// A JSON 1.1 call (`X-Amz-Target`): POST / with `body`; returns the answer's JSON bytes.
    ///
    /// - Parameters:
    ///   - target: `SageMaker.ListEndpoints`: the service's target prefix and the operation.
    public func call(_ service: AWSService, target: String, body: Data) async throws(AWSError) -> Data {
        let (endpoint, signer) = try route(service)
        let request = AWSRequest(
            method: "POST", path: "/",
            headers: [
                (name: "Content-Type", value: "application/x-amz-json-1.1"), (name: "X-Amz-Target", value: target),
            ],
            body: body.isEmpty ? Data("{}".utf8) : body)
        let operation = "\(service.displayName) \(target.split(separator: ".").last.map(String.init) ?? target)"
        return try await transport.send(
            request, to: endpoint, signer: signer, operation: operation, decodeError: ErrorDecoding.json
        ).body
    }

    /// A JSON 1.1 call with a JSON object in and out.
    public func call(_ service: AWSService, target: String, json: [String: Any]) async throws(AWSError) -> [String: Any]
    {
        let body: Data
        do {
            body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        } catch {
            throw AWSError(code: AWSError.Code.invalidResponse, message: "the request is not JSON", operation: target)
        }
        let answer = try await call(service, target: target, body: body)
        if answer.isEmpty { return [:] }
        guard let object = (try? JSONSerialization.jsonObject(with: answer)) as? [String: Any] else {
            throw AWSError(
                code: AWSError.Code.invalidResponse, message: "the answer is not a JSON object", operation: target)
        }
        return object
    }

    /// A REST-JSON call (SageMaker Runtime's InvokeEndpoint): `method` on `path` (encoded), with
    /// the body and headers given; errors come from `x-amzn-ErrorType` or the JSON body.
    public func restJSON(
        _ service: AWSService, operation: String, method: String, path: String,
        headers: [(name: String, value: String)] = [], body: Data = Data()
    ) async throws(AWSError) -> AWSResponse {
        let (endpoint, signer) = try route(service)
        let request = AWSRequest(method: method, path: path, headers: headers, body: body)
        return try await transport.send(
            request, to: endpoint, signer: signer, operation: "\(service.displayName) \(operation)",
            decodeError: ErrorDecoding.json)
    }

    /// A query-protocol call (IAM, STS): a form-encoded POST of `Action`, `Version` and the
    /// parameters; returns the XML answer.
    public func query(
        _ service: AWSService, action: String, version: String, parameters: [(name: String, value: String)] = []
    ) async throws(AWSError) -> Data {
        let (endpoint, signer) = try route(service)
        let form = ([(name: "Action", value: action), (name: "Version", value: version)] + parameters)
            .map { "\(URIEncoding.encode($0.name))=\(URIEncoding.encode($0.value))" }.joined(separator: "&")
        let request = AWSRequest(
            method: "POST", path: "/",
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(form.utf8))
        return try await transport.send(
            request, to: endpoint, signer: signer, operation: "\(service.displayName) \(action)",
            decodeError: ErrorDecoding.query
        ).body
    }
}
