import Diagnostics
import Testing

@testable import AWS

/// The text people read for each AWS error: AWS's code named, and what to do.
@Suite("AWS errors as diagnostics")
struct AWSErrorDiagnosticTests {
    static func error(
        _ code: String, status: Int? = 400, message: String = "", bucket: String? = "data", key: String? = nil,
        source: String = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    ) -> AWSError {
        var error = AWSError(code: code, message: message, status: status, operation: "S3 PutObject")
        error.bucket = bucket
        error.key = key
        error.accessKeyId = "AKIDEXAMPLE"
        error.credentialSource = source
        return error
    }

    static let profile = "profile 'dev' in /home/ada/.aws/credentials"

    @Test(
        "message and hint, one line each",
        arguments: [
            (
                error("NoSuchBucket", status: 404), "S3 bucket 'data' does not exist (NoSuchBucket)",
                "check the bucket name and the region (AWS_REGION), or create the bucket"
            ),
            (
                error("NoSuchKey", status: 404, key: "bank/train.csv"),
                "no object 'bank/train.csv' in S3 bucket 'data' (NoSuchKey)",
                "check the key; list the bucket to see what it holds"
            ),
            (
                error("NotFound", status: 404, key: "a.csv"), "no object 'a.csv' in S3 bucket 'data' (NotFound)",
                "check the key; list the bucket to see what it holds"
            ),
            (
                error("InvalidAccessKeyId", status: 403),
                "AWS does not know the access key 'AKIDEXAMPLE' (InvalidAccessKeyId)",
                "check the access key id in AWS_ACCESS_KEY_ID"
            ),
            (
                error("SignatureDoesNotMatch", status: 403, source: profile),
                "AWS rejected the request's signature: the secret key does not match the access key 'AKIDEXAMPLE' "
                    + "(SignatureDoesNotMatch)",
                "check aws_secret_access_key in the profile 'dev' in /home/ada/.aws/credentials"
            ),
            (
                error("AccessDenied", status: 403, message: "Access Denied", key: "k"),
                "S3 PutObject was denied for object 'k' in bucket 'data' (AccessDenied): Access Denied",
                "the IAM policy of these credentials must allow it; 'aws sts get-caller-identity' shows whose they are"
            ),
            (
                error("SlowDown", status: 503), "AWS kept throttling S3 PutObject after 1 attempt (SlowDown)",
                "wait a minute and run the cell again"
            ),
            (
                error("InvalidArgument", message: "Part number must be an integer", bucket: nil),
                "S3 PutObject answered 400 InvalidArgument: Part number must be an integer",
                "see the AWS documentation of S3 PutObject for InvalidArgument"
            ),
        ])
    func rendered(_ error: AWSError, _ message: String, _ hint: String) {
        #expect(error.diagnostic.message == message)
        #expect(error.diagnostic.hint == hint)
        #expect(error.diagnostic.state == .failed)
    }

    @Test("a cancelled call is an interruption, not a failure")
    func cancelled() {
        #expect(AWSError.cancelled("S3 UploadPart").diagnostic.isInterruption)
    }

    @Test("retryable: throttling codes, 429, 5xx, dropped connections; not other 4xx")
    func retryable() {
        #expect(Self.error("ThrottlingException").isRetryable)
        #expect(Self.error("Whatever", status: 429).isRetryable)
        #expect(Self.error("InternalError", status: 500).isRetryable)
        #expect(AWSError(code: AWSError.Code.unreachable, message: "").isRetryable)
        #expect(!Self.error("NoSuchBucket", status: 404).isRetryable)
        #expect(!Self.error("ExpiredToken").isRetryable)
    }
}
