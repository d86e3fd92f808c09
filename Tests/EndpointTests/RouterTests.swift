import Serving
@testable import Endpoint
import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Testing

@Suite("The endpoint's routes, in process and over a socket")
struct RouterTests {
    static func app() -> some ApplicationProtocol {
        Application(router: EndpointRouter.make(TestModel.binary.service()))
    }

    /// Runs `body` against the app at high priority. Over a socket, the server's tasks share
    /// Swift's cooperative threads (one per core) with every other test, and tests that block
    /// them for long (child processes, training) would hold them past the client's 20-second
    /// read timeout; high-priority work is taken first.
    static func test(_ setup: TestingSetup, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Task(priority: .high) { try await app().test(setup, body) }.value
    }

    @Test("the contract: ping, invocations (CSV and JSON), execution-parameters", arguments: [TestingSetup.router, .live])
    func contract(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            try await client.execute(uri: "/ping", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/execution-parameters", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""MaxPayloadInMB":6"#))
            }
            try await client.execute(uri: "/invocations", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: "c1,1.5,1,red\nc2,-2,-2,blue\n")) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv")
                #expect(String(buffer: response.body) == "yes\nno\n")
            }
            try await client.execute(uri: "/invocations?keys=predicted_label,labels", method: .post,
                                     headers: [.contentType: "application/json", .accept: "application/json"],
                                     body: ByteBuffer(string: #"{"instances": [{"features": ["c1", 1.5, 1, "red"]}]}"#)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body)
                            == #"{"predictions":[{"labels":["no","yes"],"predicted_label":"yes"}]}"#)
            }
        }
    }

    @Test("bad requests get a 4xx with a JSON error, and the server keeps serving", arguments: [TestingSetup.router, .live])
    func badRequests(setup: TestingSetup) async throws {
        try await Self.test(setup) { client in
            let bad: [(String, HTTPFields, String, HTTPResponse.Status)] = [
                ("/invocations", [.contentType: "text/csv"], "c1,1.5,red\n", .badRequest),
                ("/invocations", [.contentType: "text/csv"], "c1,abc,1,red\n", .badRequest),
                ("/invocations", [.contentType: "text/csv"], "", .badRequest),
                ("/invocations", [.contentType: "application/json"], "{not json", .badRequest),
                ("/invocations", [.contentType: "text/plain"], "c1,1.5,1,red\n", .unsupportedMediaType),
                ("/invocations", [.contentType: "text/csv", .accept: "image/png"], "c1,1.5,1,red\n", .notAcceptable),
            ]
            for (uri, headers, body, status) in bad {
                try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(String(buffer: response.body).contains(#""error":""#))
                }
                try await client.execute(uri: "/invocations", method: .post, headers: [.contentType: "text/csv"],
                                         body: ByteBuffer(string: "c1,1.5,1,red\n")) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test("a 50 MB body is refused with 413, and the server keeps serving", arguments: [TestingSetup.router, .live])
    func fiftyMegabytes(setup: TestingSetup) async throws {
        let row = ByteBuffer(string: "c1,1.5,1,red\n")
        var body = ByteBuffer()
        body.reserveCapacity(50_000_000)
        while body.readableBytes < 50_000_000 { body.writeImmutableBuffer(row) }
        let large = body
        try await Self.test(setup) { client in
            try await client.execute(uri: "/invocations", method: .post, headers: [.contentType: "text/csv"], body: large) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body) == #"{"error":"the body is too large (50 MB): "#
                            + #"at most 6 MB per request; split the rows over several requests"}"#)
            }
            try await client.execute(uri: "/invocations", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: "c1,1.5,1,red\n")) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
