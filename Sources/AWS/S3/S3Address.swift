/// Where an S3 bucket or object lives: path-style (`http://127.0.0.1:5000/BUCKET/KEY`) on custom
/// endpoints, virtual-hosted (`https://BUCKET.s3.REGION.amazonaws.com/KEY`) on AWS when the
/// bucket's name allows it.
struct S3Address: Sendable {
    var endpoint: AWSEndpoint
    /// The path as sent, each key byte encoded once, `/` kept.
    var path: String

    init(endpoint base: AWSEndpoint, bucket: String, key: String? = nil) {
        let encodedKey = key.map { "/" + URIEncoding.encodeKey($0) } ?? "/"
        if base.isAWS, Self.isVirtualHostable(bucket) {
            var endpoint = base
            endpoint.host = "\(bucket).\(base.host)"
            self.endpoint = endpoint
            path = encodedKey
        } else {
            endpoint = base
            path = "/" + URIEncoding.encode(bucket) + (key == nil ? "" : encodedKey)
        }
    }

    /// DNS-safe names: 3–63 lower-case letters, digits and hyphens (no dots, for TLS).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        (3...63).contains(bucket.count)
            && bucket.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && bucket.first != "-" && bucket.last != "-"
    }
}
