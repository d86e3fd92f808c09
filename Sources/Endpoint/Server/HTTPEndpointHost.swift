import Diagnostics
import Foundation
import Serving
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The kernel's ``EndpointHost``: endpoints are ``EndpointServer``s on 127.0.0.1, and requests
/// to them go over HTTP with URLSession.
public struct HTTPEndpointHost: EndpointHost {
    /// How long to wait for an endpoint's answer.
    public var timeout: TimeInterval
    /// Where endpoints deployed without a port start looking for a free one (``defaultPort``
    /// unless `pilot check --jobs` gives each job a range of its own).
    public var firstPort: Int

    public init(timeout: TimeInterval = 60, firstPort: Int = defaultPort) {
        self.timeout = timeout
        self.firstPort = firstPort
    }

    public func start(_ model: ServedModel, name: String, port: Int?) throws(Diagnostic) -> any RunningEndpoint {
        try EndpointServer.start(InferenceService(model, endpointName: name), port: port, firstPort: firstPort)
    }

    public func send(_ request: EndpointRequest, to url: String) throws(Diagnostic) -> EndpointReply {
        guard let address = URL(string: url + request.path) else {
            throw Diagnostic(
                "'\(url + request.path)' is not a URL", hint: "endpoints list the URLs of running endpoints")
        }
        var urlRequest = URLRequest(url: address, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        if let contentType = request.contentType {
            urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if let accept = request.accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }

        // The kernel runs cells synchronously, on a thread of its own: wait for the data task here.
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<(status: Int, contentType: String?, body: Data)?>(nil)
        let failure = Mutex<String?>(nil)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: urlRequest) { data, response, error in
            if let response = response as? HTTPURLResponse {
                let answer = (response.statusCode, response.value(forHTTPHeaderField: "Content-Type"), data ?? Data())
                outcome.withLock { $0 = answer }
            } else {
                failure.withLock { $0 = error?.localizedDescription }
            }
            done.signal()
        }.resume()
        done.wait()
        guard let answer = outcome.withLock({ $0 }) else {
            throw Diagnostic(
                "no answer from \(url): \(failure.withLock { $0 } ?? "the connection failed")",
                hint: "is the endpoint still running? 'endpoints' lists them")
        }
        return EndpointReply(status: answer.status, contentType: answer.contentType, body: Array(answer.body))
    }
}
