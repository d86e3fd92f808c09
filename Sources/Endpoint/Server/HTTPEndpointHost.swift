import Diagnostics
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Serving

/// The kernel's ``EndpointHost``: endpoints are ``EndpointServer``s on 127.0.0.1, and requests
/// to them go over HTTP with URLSession.
public struct HTTPEndpointHost: EndpointHost {
    /// How long to wait for an endpoint's answer.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 60) {
        self.timeout = timeout
    }

    public func start(_ model: ServedModel, port: Int?) throws(Diagnostic) -> any RunningEndpoint {
        try EndpointServer.start(InferenceService(model), port: port)
    }

    public func send(_ request: EndpointRequest, to url: String) throws(Diagnostic) -> EndpointReply {
        guard let address = URL(string: url + request.path) else {
            throw Diagnostic("'\(url + request.path)' is not a URL", hint: "endpoints list the URLs of running endpoints")
        }
        var urlRequest = URLRequest(url: address, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        if let contentType = request.contentType { urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let accept = request.accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }

        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: urlRequest) { data, response, error in
            outcome.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        done.wait()
        guard let response = outcome.response else {
            throw Diagnostic("no answer from \(url): \(outcome.error.map { $0.localizedDescription } ?? "the connection failed")",
                              hint: "is the endpoint still running? 'endpoints' lists them")
        }
        return EndpointReply(status: response.statusCode, contentType: response.value(forHTTPHeaderField: "Content-Type"),
                             body: Array(outcome.data ?? Data()))
    }

    /// What a data task hands back, passed from URLSession's queue to the waiting thread.
    private final class Outcome: @unchecked Sendable {  // written once before the semaphore is signalled
        var data: Data?
        var response: HTTPURLResponse?
        var error: (any Error)?

        func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
            self.data = data
            self.response = response
            self.error = error
        }
    }
}
