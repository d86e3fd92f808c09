/// SageMaker Runtime's `InvokeEndpoint` (`POST /endpoints/NAME/invocations`) in front of an
/// endpoint's own `/invocations`, answered as boto3 and the aws CLI expect it (botocore's
/// `sagemaker-runtime` 2017-05-13 model, a REST-JSON protocol):
///
/// - a model's answer passes through, with `x-Amzn-Invoked-Production-Variant`;
/// - an endpoint name this server does not serve is a 400 `ValidationError` with AWS's message;
/// - a refusal from the model (any 4xx or 5xx of `/invocations`) is a 424 `ModelError` carrying
///   its `OriginalStatusCode` and `OriginalMessage` (the refusal's body), which boto3 raises as
///   `client.exceptions.ModelError`.
///
/// Errors are JSON with the error shape's members (`Message`, `OriginalStatusCode`, ...) and the
/// error's name in `x-amzn-ErrorType`, from which botocore picks the exception class. Request
/// signatures (SigV4) are not checked, and the `X-Amzn-SageMaker-*` request headers (custom
/// attributes, target model or variant, inference id, ...) are accepted and ignored: one model,
/// one variant.
///
/// ```json
/// {"Message":"Received client error (400) from primary with message \"{...}\".",
///  "OriginalMessage":"{...}","OriginalStatusCode":400}
/// ```
public enum SageMakerRuntime {
    /// The account in AWS's messages: a local endpoint belongs to none.
    public static let account = "000000000000"

    /// The production variant that answers (SageMaker's default variant name).
    public static let variant = "AllTraffic"

    /// The container named in a `ModelError`'s message, as SageMaker names a single container.
    static let container = "primary"

    /// The reply to `POST /endpoints/NAME/invocations` for a NAME this server does not serve.
    public static func unknownEndpoint(_ name: String) -> InferenceReply {
        error(400, "ValidationError", Failure(message: "Endpoint \(name) of account \(account) not found."))
    }

    /// The model's reply as InvokeEndpoint passes it on: a success as it is, with the variant that
    /// answered; a refusal as a 424 `ModelError` that carries it.
    public static func passOn(_ reply: InferenceReply) -> InferenceReply {
        guard reply.status >= 400 else {
            var reply = reply
            reply.headers["x-Amzn-Invoked-Production-Variant"] = variant
            return reply
        }
        let kind = reply.status < 500 ? "client" : "server"
        return error(
            424, "ModelError",
            Failure(
                message: "Received \(kind) error (\(reply.status)) from \(container) with message \"\(reply.body)\".",
                originalStatusCode: reply.status, originalMessage: reply.body))
    }

    private static func error(_ status: Int, _ type: String, _ failure: Failure) -> InferenceReply {
        InferenceReply(
            status: status, contentType: MediaType.json.rawValue, body: JSONText.encode(failure),
            headers: ["x-amzn-ErrorType": type])
    }

    /// An error shape's members, named as botocore's service model names them; nil ones are left out.
    private struct Failure: Encodable {
        var message: String
        var originalStatusCode: Int?
        var originalMessage: String?

        enum CodingKeys: String, CodingKey {
            case message = "Message"
            case originalStatusCode = "OriginalStatusCode"
            case originalMessage = "OriginalMessage"
        }
    }
}
