import Foundation

/// Where a service's requests go: scheme, host, port, and a base path some custom endpoints put
/// in front of every request.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var basePath: String
    /// Whether this is AWS itself (virtual-hosted S3 buckets) rather than a custom endpoint such
    /// as moto, MinIO or LocalStack (path-style S3 addresses).
    public var isAWS: Bool

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "", isAWS: Bool = false) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.isAWS = isAWS
    }

    /// `http://127.0.0.1:5000`, `https://minio.local/base`; nil when it is not such a URL.
    public init?(url: String) {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var path = String(rest.dropFirst(authority.count).prefix { $0 != "?" })
        while path.hasSuffix("/") { path.removeLast() }
        var host = String(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                return nil
            }
            port = number
            host = String(authority[..<colon])
        }
        guard !host.isEmpty else { return nil }
        self.init(scheme: scheme, host: host, port: port, basePath: path)
    }

    /// What goes in the `Host` header: the host, with the port when it is not the scheme's own.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// `scheme://host[:port]basePath`.
    public var description: String { "\(scheme)://\(hostHeader)\(basePath)" }
}
