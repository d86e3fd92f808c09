/// A failed AWS call: AWS's own error code and message when the service answered, or one of the
/// client's codes (``noCredentials``, ``unreachable``, ...) when it never got that far.
///
/// Callers switch on ``code``; people read it through ``diagnostic`` (AWSError+Diagnostic.swift).
public struct AWSError: Error, Sendable, Equatable {
    /// AWS's code (`NoSuchBucket`, `SignatureDoesNotMatch`, `ThrottlingException`) or the client's.
    public var code: String
    /// AWS's message, or the client's explanation.
    public var message: String
    /// The HTTP status, when the service answered.
    public var status: Int?
    /// The service and operation, e.g. `S3 PutObject`, `SageMaker ListEndpoints`.
    public var operation: String
    /// The S3 bucket and key the call was about, when it was about one.
    public var bucket: String?
    public var key: String?
    /// A local file or another thing the call was about.
    public var resource: String?
    /// The access key used, and where it came from (for hints about keys).
    public var accessKeyId: String?
    public var credentialSource: String?
    /// The places searched when ``code`` is ``Code/noCredentials``; the endpoint for ``Code/unreachable``.
    public var details: [String]
    /// How many attempts were made (more than one after retries).
    public var attempts: Int

    public init(
        code: String, message: String, status: Int? = nil, operation: String = "", resource: String? = nil,
        credentialSource: String? = nil, details: [String] = [], attempts: Int = 1
    ) {
        self.code = code
        self.message = message
        self.status = status
        self.operation = operation
        self.resource = resource
        self.credentialSource = credentialSource
        self.details = details
        self.attempts = attempts
    }

    /// The client's own codes (AWS's are strings as AWS sends them).
    public enum Code {
        public static let noCredentials = "NoCredentials"
        public static let noRegion = "NoRegion"
        public static let badEndpoint = "InvalidEndpoint"
        public static let unreachable = "EndpointUnreachable"
        public static let cancelled = "Cancelled"
        public static let invalidResponse = "InvalidResponse"
        /// The connection ended before the body did (worth another attempt).
        public static let incompleteBody = "IncompleteBody"
        public static let localFile = "LocalFile"
    }

    static func noCredentials(searched: [String]) -> AWSError {
        AWSError(code: Code.noCredentials, message: "no AWS credentials found", details: searched)
    }

    static func noRegion(profile: String, configFile: String) -> AWSError {
        AWSError(
            code: Code.noRegion, message: "no AWS region configured",
            details: ["AWS_REGION", "AWS_DEFAULT_REGION", "region in profile '\(profile)' in \(configFile)"])
    }

    static func badEndpoint(_ url: String, variable: String) -> AWSError {
        AWSError(code: Code.badEndpoint, message: "'\(url)' is not an http(s) URL", details: [variable])
    }

    static func cancelled(_ operation: String) -> AWSError {
        AWSError(code: Code.cancelled, message: "cancelled", operation: operation)
    }

    static func localFile(_ path: String, _ reason: String) -> AWSError {
        AWSError(code: Code.localFile, message: reason, resource: path)
    }

    /// Whether the user stopped the call.
    public var isCancellation: Bool { code == Code.cancelled }

    /// Too many requests: worth waiting and trying again.
    public var isThrottling: Bool {
        status == 429 || Self.throttlingCodes.contains(code)
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Worth another attempt: throttling, a 5xx, or the connection failing.
    public var isRetryable: Bool {
        isThrottling || (status.map { $0 >= 500 } ?? false) || code == Code.unreachable || code == Code.incompleteBody
            || ["RequestTimeout", "RequestTimeoutException", "InternalError"].contains(code)
    }
}
