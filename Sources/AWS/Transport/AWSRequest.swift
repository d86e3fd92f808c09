import Foundation

/// One request to an AWS service before signing: method, the path as sent (already encoded),
/// query pairs (decoded), headers and the body's bytes.
public struct AWSRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Told the bytes of the body sent so far, as they go (from zero again on a retried attempt).
    public var bodyProgress: (@Sendable (Int64) -> Void)?

    public init(
        method: String, path: String = "/", query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: Data = Data(),
        bodyProgress: (@Sendable (Int64) -> Void)? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyProgress = bodyProgress
    }

    /// The query as sent: names and values encoded the way SigV4 encodes them, in the given order.
    var encodedQuery: String {
        query.map { "\(URIEncoding.encode($0.name))=\(URIEncoding.encode($0.value))" }.joined(separator: "&")
    }
}
