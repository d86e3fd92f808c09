import Diagnostics
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AWS

/// The transport against a small local stub of an AWS service: retries, backoff, error
/// decoding, and what the requests carry. (moto cannot throttle, fail with 5xx or expire a
/// session token, so those answers come from here, in AWS's own words.)
@Suite("Retries and errors against a local stub")
struct TransportStubTests {
    static let fast = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05)

    /// A client for `server` with made-up keys.
    static func client(_ server: LoopbackServer, token: String? = nil) -> AWSClient {
        var variables = [
            "AWS_ACCESS_KEY_ID": "AKIDSTUB", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_ENDPOINT_URL": server.url(""),
        ]
        variables["AWS_SESSION_TOKEN"] = token
        return AWSClient(
            configuration: AWSConfiguration(environment: AWSEnvironment(variables: variables, home: "/nonexistent")),
            retry: fast)
    }

    static func xmlError(_ code: String, _ message: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>4442587FB7D0A2F9</RequestId>\
            <HostId>abc</HostId></Error>
            """.utf8)
    }

    @Test("503 SlowDown twice, then 200: the third attempt succeeds")
    func slowDownThenSuccess() async throws {
        let calls = Mutex(0)
        let server = try LoopbackServer { _ in
            let n = calls.withLock {
                $0 += 1; return $0
            }
            return n <= 2
                ? .init(status: 503, body: Self.xmlError("SlowDown", "Please reduce your request rate."))
                : .init(status: 200, body: Array("hello".utf8))
        }
        let data = try await Self.client(server).s3.getObject(bucket: "data", key: "a.txt")
        #expect(String(decoding: data, as: UTF8.self) == "hello")
        #expect(calls.withLock { $0 } == 3)
    }

    @Test("500 forever: a clear error after the last attempt")
    func serverErrorForever() async throws {
        let calls = Mutex(0)
        let server = try LoopbackServer { _ in
            calls.withLock { $0 += 1 }
            return .init(status: 500, body: Self.xmlError("InternalError", "We encountered an internal error."))
        }
        do {
            _ = try await Self.client(server).s3.getObject(bucket: "data", key: "a.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "InternalError")
            #expect(error.attempts == 3)
            #expect(
                error.diagnostic.message
                    == "S3 GetObject answered 500 InternalError for object 'a.txt' in bucket 'data': "
                    + "We encountered an internal error. (after 3 attempts)")
            #expect(error.diagnostic.hint == "the service is having trouble; try again later")
        }
        #expect(calls.withLock { $0 } == 3)
    }

    @Test("ExpiredToken (AWS's 400 answer) is not retried and says to refresh the token")
    func expiredToken() async throws {
        let calls = Mutex(0)
        let server = try LoopbackServer { request in
            calls.withLock { $0 += 1 }
            #expect(request.headers["x-amz-security-token"] == "old-token")
            return .init(status: 400, body: Self.xmlError("ExpiredToken", "The provided token has expired."))
        }
        do {
            _ = try await Self.client(server, token: "old-token").s3.getObject(bucket: "data", key: "a.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ExpiredToken")
            let diagnostic = error.diagnostic
            #expect(
                diagnostic.message
                    == "the AWS session token has expired (ExpiredToken)")
            #expect(
                diagnostic.hint
                    == "get fresh temporary credentials ('aws sso login', 'aws sts get-session-token') and set "
                    + "AWS_SESSION_TOKEN, or aws_session_token in the profile, again")
        }
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("JSON 1.1: target, content type and signature sent; ThrottlingException retried, __type decoded")
    func jsonProtocol() async throws {
        let calls = Mutex(0)
        let server = try LoopbackServer { request in
            let n = calls.withLock {
                $0 += 1; return $0
            }
            #expect(request.method == "POST")
            #expect(request.headers["x-amz-target"] == "SageMaker.DescribeModel")
            #expect(request.headers["content-type"] == "application/x-amz-json-1.1")
            #expect(request.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDSTUB/") == true)
            #expect(request.headers["authorization"]?.contains("/us-east-1/sagemaker/aws4_request") == true)
            #expect(String(decoding: request.body, as: UTF8.self) == #"{"ModelName":"m"}"#)
            if n == 1 {
                return .init(
                    status: 400, body: Array(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.utf8))
            }
            return .init(
                status: 400,
                body: Array(#"{"__type":"com.amazon.coral#ValidationException","Message":"Could not find model"}"#.utf8)
            )
        }
        do {
            _ = try await Self.client(server).call(
                .sageMaker, target: "SageMaker.DescribeModel", json: ["ModelName": "m"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ValidationException")
            #expect(error.message == "Could not find model")
            #expect(
                error.diagnostic.message
                    == "SageMaker DescribeModel answered 400 ValidationException: Could not find model")
        }
        #expect(calls.withLock { $0 } == 2)
    }

    @Test("REST-JSON: x-amzn-ErrorType names the error")
    func restJSON() async throws {
        let server = try LoopbackServer { _ in
            .init(
                status: 424, headers: ["x-amzn-ErrorType": "ModelError:http://internal.amazon.com/coral/com.amazon"],
                body: Array(#"{"Message":"Received client error (400) from primary"}"#.utf8))
        }
        do {
            _ = try await Self.client(server).restJSON(
                .sageMakerRuntime, operation: "InvokeEndpoint", method: "POST", path: "/endpoints/e/invocations",
                headers: [(name: "Content-Type", value: "text/csv")], body: Data("1,2\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ModelError")
            #expect(error.status == 424)
        }
    }

    @Test("S3 requests carry the SHA-256 of their body, and keys are encoded once")
    func payloadHash() async throws {
        let seen = Mutex<LoopbackServer.Request?>(nil)
        let server = try LoopbackServer { request in
            seen.withLock { $0 = request }
            return .init(status: 200)
        }
        let body = Data("some bytes".utf8)
        try await Self.client(server).s3.putObject(bucket: "data", key: "dir/a b+ü.csv", data: body)
        let request = try #require(seen.withLock { $0 })
        #expect(request.method == "PUT")
        #expect(request.target == "/data/dir/a%20b%2B%C3%BC.csv")
        #expect(request.headers["x-amz-content-sha256"] == SigV4Signer.payloadHash(body))
        #expect(request.headers["host"] == "127.0.0.1:\(server.port)")
        #expect(request.body == Array(body))
    }

    @Test("nothing listening: the error names the endpoint and AWS_ENDPOINT_URL")
    func unreachable() async throws {
        let port: UInt16
        do { let server = try LoopbackServer { _ in .init(status: 200) }; port = server.port }
        let client = AWSClient(
            configuration: AWSConfiguration(
                environment: AWSEnvironment(
                    variables: [
                        "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S",
                        "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:\(port)",
                    ], home: "/nonexistent")), retry: Self.fast)
        do {
            _ = try await client.s3.getObject(bucket: "data", key: "k")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == AWSError.Code.unreachable)
            #expect(error.diagnostic.message.hasPrefix("cannot reach S3 GetObject at http://127.0.0.1:\(port): "))
            #expect(error.diagnostic.hint?.contains("AWS_ENDPOINT_URL") == true)
        }
    }
}
