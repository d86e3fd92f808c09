import Serving
import Diagnostics
import Endpoint
import Foundation
import Kernel
import Testing

@Suite("Endpoints on real sockets, started and stopped from synchronous code", .serialized)
struct EndpointServerTests {
    let host = HTTPEndpointHost(timeout: 10)

    @Test("port 0 picks a free port; the endpoint answers over HTTP and counts requests; stop frees the port")
    func startAndStop() throws {
        let endpoint = try host.start(TestModel.binary.served, name: "ep", port: 0)
        #expect(endpoint.port > 0)
        #expect(endpoint.url == "http://127.0.0.1:\(endpoint.port)")
        let ping = try host.send(EndpointRequest(method: "GET", path: "/ping"), to: endpoint.url)
        #expect(ping.status == 200)
        let reply = try host.send(EndpointRequest(path: "/invocations?keys=predicted_label", contentType: "text/csv",
                                                  accept: "application/json", body: Array("c1,1.5,1,red\n".utf8)),
                                  to: endpoint.url)
        #expect(reply.status == 200)
        #expect(reply.contentType == "application/json")
        #expect(reply.text == #"{"predictions":[{"predicted_label":"yes"}]}"#)
        let refused = try host.send(EndpointRequest(path: "/invocations", contentType: "text/csv", body: Array("c1,x,1,red\n".utf8)),
                                    to: endpoint.url)
        #expect(refused.status == 400)
        #expect(endpoint.requestsServed == 2)

        let port = endpoint.port
        endpoint.stop()
        endpoint.stop()
        let again = try host.start(TestModel.binary.served, name: "ep", port: port)
        #expect(again.port == port)
        again.stop()
        #expect(throws: Diagnostic.self) { try host.send(EndpointRequest(method: "GET", path: "/ping"), to: again.url) }
    }

    @Test("a second endpoint on a taken port says so")
    func portTaken() throws {
        let first = try host.start(TestModel.binary.served, name: "ep", port: 0)
        defer { first.stop() }
        #expect(throws: Diagnostic("port \(first.port) is taken: another program (or endpoint) listens on 127.0.0.1:\(first.port)",
                                    hint: "choose another port (port=\(first.port + 1)), or leave port= out for a free one")) {
            try host.start(TestModel.binary.served, name: "ep", port: first.port)
        }
        #expect(try host.send(EndpointRequest(method: "GET", path: "/ping"), to: first.url).status == 200)
    }

    @Test("without a port, the first free one from 8080 up")
    func defaultPort() throws {
        let first = try host.start(TestModel.binary.served, name: "ep", port: nil)
        defer { first.stop() }
        let second = try host.start(TestModel.binary.served, name: "ep", port: nil)
        defer { second.stop() }
        #expect(first.port >= 8080)
        #expect(second.port > first.port)
    }

    @Test("an endpoint the session lets go of stops")
    func releasedStops() throws {
        var endpoint: (any RunningEndpoint)? = try host.start(TestModel.binary.served, name: "ep", port: 0)
        let url = endpoint!.url
        #expect(try host.send(EndpointRequest(method: "GET", path: "/ping"), to: url).status == 200)
        endpoint = nil
        #expect(throws: Diagnostic.self) { try host.send(EndpointRequest(method: "GET", path: "/ping"), to: url) }
    }
}
