import Serving
@testable import Endpoint
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// One header field (HTTPTypes' `HTTPField`, which Hummingbird does not export by name).
private typealias HTTPField = HTTPFields.Element

@Suite("SageMaker Runtime's InvokeEndpoint: POST /endpoints/NAME/invocations")
struct RuntimeRouteTests {
    static func test(_ setup: TestingSetup, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Task(priority: .high) {
            let service = try InferenceService(TestModel.binary.served, endpointName: "bank-ep")
            try await Application(router: EndpointRouter.make(service)).test(setup, body)
        }.value
    }

    /// The headers boto3 sends with `invoke_endpoint` when every optional member is given, and
    /// its SigV4 signature (never checked).
    static let botoHeaders: HTTPFields = [
        .contentType: "text/csv", .accept: "text/csv",
        HTTPField.Name("X-Amzn-SageMaker-Custom-Attributes")!: "c000b4f9-df62-4c85-a0bf-7c525f9104a4",
        HTTPField.Name("X-Amzn-SageMaker-Target-Model")!: "model.tar.gz",
        HTTPField.Name("X-Amzn-SageMaker-Target-Variant")!: "AllTraffic",
        HTTPField.Name("X-Amzn-SageMaker-Target-Container-Hostname")!: "primary",
        HTTPField.Name("X-Amzn-SageMaker-Inference-Id")!: "request-1",
        HTTPField.Name("X-Amzn-SageMaker-Enable-Explanations")!: "`false`",
        HTTPField.Name("X-Amz-Date")!: "20261130T120000Z",
        .authorization: "AWS4-HMAC-SHA256 Credential=testing/20261130/us-east-1/sagemaker/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=0000",
    ]

    @Test("the same answers as /invocations, with the variant that answered", arguments: [TestingSetup.router, .live])
    func sameAnswers(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            let rows = ByteBuffer(string: "c1,1.5,1,red\nc2,-2,-2,blue\n")
            for uri in ["/invocations", "/endpoints/bank-ep/invocations"] {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "text/csv"], body: rows) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv")
                    #expect(String(buffer: response.body) == "yes\nno\n")
                    let variant = response.headers[HTTPField.Name("x-Amzn-Invoked-Production-Variant")!]
                    #expect(variant == (uri == "/invocations" ? nil : "AllTraffic"))
                    #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == nil)
                }
            }
            try await client.execute(uri: "/endpoints/bank-ep/invocations?keys=predicted_label,labels", method: .post,
                                     headers: [.contentType: "application/json", .accept: "application/json"],
                                     body: ByteBuffer(string: #"{"instances": [{"features": ["c1", 1.5, 1, "red"]}]}"#)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"predictions":[{"labels":["no","yes"],"predicted_label":"yes"}]}"#)
            }
        }
    }

    @Test("Accept: */* (and no Accept) answers CSV; boto3's X-Amzn-SageMaker-* headers and signature are accepted",
          arguments: [TestingSetup.router, .live])
    func acceptAndHeaders(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            let accepts: [HTTPFields] = [[.contentType: "text/csv", .accept: "*/*"], [.contentType: "text/csv"], Self.botoHeaders]
            for headers in accepts {
                try await client.execute(uri: "/endpoints/bank-ep/invocations", method: .post, headers: headers,
                                         body: ByteBuffer(string: "c1,1.5,1,red\n")) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv")
                    #expect(String(buffer: response.body) == "yes\n")
                    // Custom attributes go to the container; this one answers none, so none come back.
                    #expect(response.headers[HTTPField.Name("X-Amzn-SageMaker-Custom-Attributes")!] == nil)
                }
            }
        }
    }

    @Test("an unknown endpoint name is a 400 ValidationError with AWS's message", arguments: [TestingSetup.router, .live])
    func unknownName(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            try await client.execute(uri: "/endpoints/bank-best/invocations", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: "c1,1.5,1,red\n")) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "ValidationError")
                #expect(String(buffer: response.body) == #"{"Message":"Endpoint bank-best of account 000000000000 not found."}"#)
            }
        }
    }

    @Test("a request the model refuses is a 424 ModelError carrying the refusal", arguments: [TestingSetup.router, .live])
    func modelError(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            let refusals: [(HTTPFields, String, Int)] = [
                ([.contentType: "text/csv"], "c1,1.5,red\n", 400),
                ([.contentType: "text/plain"], "c1,1.5,1,red\n", 415),
                ([.contentType: "text/csv", .accept: "image/png"], "c1,1.5,1,red\n", 406),
            ]
            for (headers, body, status) in refusals {
                var original = ""
                try await client.execute(uri: "/invocations", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status.code == status)
                    original = String(buffer: response.body)
                }
                try await client.execute(uri: "/endpoints/bank-ep/invocations", method: .post, headers: headers,
                                         body: ByteBuffer(string: body)) { [original] response in
                    #expect(response.status.code == 424)
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "ModelError")
                    let error = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    #expect(error["OriginalStatusCode"] as? Int == status)
                    #expect(error["OriginalMessage"] as? String == original)
                    #expect(error["Message"] as? String == "Received client error (\(status)) from primary with message \"\(original)\".")
                }
            }
        }
    }

    @Test("the body limit holds on the runtime route too: a 413 from the model is a ModelError")
    func tooLarge() async throws {
        try await Self.test(.router) { client in
            let body = ByteBuffer(repeating: UInt8(ascii: "1"), count: 7_000_000)
            try await client.execute(uri: "/endpoints/bank-ep/invocations", method: .post, headers: [.contentType: "text/csv"],
                                     body: body) { response in
                #expect(response.status.code == 424)
                #expect(String(buffer: response.body).contains(#""OriginalStatusCode":413"#))
            }
        }
    }

    @Test("ServedModel's default endpoint name: the reference with . as -")
    func defaultName() throws {
        #expect(ServedModel.endpointName(for: "bank.best") == "bank-best")
        #expect(try InferenceService(TestModel.binary.served).endpointName == "exp-best")
    }
}
