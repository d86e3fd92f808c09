/// The AWS services the client calls: how each signs, where it lives, and which
/// `AWS_ENDPOINT_URL_<SERVICE>` variable moves it.
public struct AWSService: Sendable, Hashable {
    /// SigV4's service name.
    public var signingName: String
    /// The suffix of its `AWS_ENDPOINT_URL_...` variable.
    public var endpointVariable: String
    /// The host's first labels on AWS: `s3`, `api.sagemaker`, `runtime.sagemaker`.
    public var hostPrefix: String
    /// The name people know it by, for messages.
    public var displayName: String

    public init(signingName: String, endpointVariable: String, hostPrefix: String, displayName: String) {
        self.signingName = signingName
        self.endpointVariable = endpointVariable
        self.hostPrefix = hostPrefix
        self.displayName = displayName
    }

    public static let s3 = AWSService(
        signingName: "s3", endpointVariable: "S3", hostPrefix: "s3", displayName: "S3")
    public static let sageMaker = AWSService(
        signingName: "sagemaker", endpointVariable: "SAGEMAKER", hostPrefix: "api.sagemaker", displayName: "SageMaker")
    public static let sageMakerRuntime = AWSService(
        signingName: "sagemaker", endpointVariable: "SAGEMAKER_RUNTIME", hostPrefix: "runtime.sagemaker",
        displayName: "SageMaker Runtime")
    /// IAM is global: one endpoint, signed for us-east-1.
    public static let iam = AWSService(
        signingName: "iam", endpointVariable: "IAM", hostPrefix: "iam", displayName: "IAM")
    public static let sts = AWSService(
        signingName: "sts", endpointVariable: "STS", hostPrefix: "sts", displayName: "STS")
}
