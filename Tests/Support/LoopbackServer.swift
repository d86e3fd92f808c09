import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests: a socket, a thread per connection, and either
/// fixed routes or a closure that answers each request (a stub of a service).
public final class LoopbackServer: @unchecked Sendable {
    /// What one route answers.
    public struct Route: Sendable {
        public var status: Int
        public var body: [UInt8]
        /// Seconds to wait before answering.
        public var delay: Double = 0

        public init(status: Int, body: [UInt8], delay: Double = 0) {
            self.status = status
            self.body = body
            self.delay = delay
        }
    }

    /// A request as the server read it.
    public struct Request: Sendable {
        public var method: String
        /// The request target: path and query as sent.
        public var target: String
        public var headers: [String: String]
        public var body: [UInt8]
    }

    /// An answer: status, headers, body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]

        public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    public let port: UInt16
    private let listener: Int32

    /// Serves fixed routes by path; anything else is a 404.
    public convenience init(routes: [String: Route]) throws {
        try self.init { request in
            let route = routes[request.target] ?? Route(status: 404, body: Array("not found".utf8))
            if route.delay > 0 { Thread.sleep(forTimeInterval: route.delay) }
            return Response(status: route.status, body: route.body)
        }
    }

    /// Answers every request with `respond`.
    public init(respond: @escaping @Sendable (Request) -> Response) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        // The accept thread closes the listener itself, once `accept` fails after `deinit` shut
        // it down: closed in `deinit`, its number could be reused by another test's socket
        // before this thread's first `accept`, which would then answer that socket's requests.
        let thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    close(fd)
                    return
                }
                Thread.detachNewThread { LoopbackServer.serve(client, respond: respond) }
            }
        }
        thread.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Serves one request on a connection, then closes it.
    private static func serve(_ client: Int32, respond: @Sendable (Request) -> Response) {
        defer { close(client) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        func fill() -> Bool {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return false }
            pending += buffer[..<n]
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
            if headEnd == nil, !fill() { return }
        }
        guard let end = headEnd else { return }
        let lines = String(decoding: pending[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let size = Int(headers["content-length"] ?? "0") ?? 0
        while pending.count < end + size { if !fill() { return } }
        let request = Request(
            method: parts.first.map(String.init) ?? "GET", target: parts.dropFirst().first.map(String.init) ?? "/",
            headers: headers, body: Array(pending[end..<(end + size)]))
        let response = respond(request)
        var head = "HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Status")\r\n"
        head += "Content-Length: \(response.body.count)\r\n"
        // One request a connection: a client's pool would otherwise keep a connection to this
        // server's thread, and a later server handed the same port would never see the
        // requests sent over it (a test saw exactly that).
        head += "Connection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + (request.method == "HEAD" ? [] : response.body)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress!, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }
}
