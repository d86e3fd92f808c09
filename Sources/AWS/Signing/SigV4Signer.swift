import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4: a pure value, so the canonical request, the
/// string to sign and the `Authorization` header can be checked against AWS's published vectors
/// without a network.
///
/// The path is the one sent on the wire. S3 signs it as it is (the client encodes each key once);
/// every other service normalises it and encodes it again, as AWS's test suite expects.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The signing name: `s3`, `sagemaker`, `iam`, ...
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The hex SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// What signing one request produced, step by step.
    public struct Signature: Sendable, Equatable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signedHeaders: String
        public var signature: String
        public var authorization: String
    }

    /// Signs `request` as of `date`: adds `X-Amz-Date`, `X-Amz-Security-Token` when the credentials
    /// carry one, and `Authorization`. S3 requests must already carry `x-amz-content-sha256`.
    public func sign(_ request: inout SignableRequest, payloadHash: String, date: Date) {
        let stamp = Self.timestamp(date)
        if !request.headers.contains(where: { $0.name.lowercased() == "x-amz-date" }) {
            request.headers.append((name: "X-Amz-Date", value: stamp))
        }
        if let token = credentials.sessionToken,
            !request.headers.contains(where: { $0.name.lowercased() == "x-amz-security-token" })
        {
            request.headers.append((name: "X-Amz-Security-Token", value: token))
        }
        let result = signature(for: request, payloadHash: payloadHash, timestamp: stamp)
        request.headers.append((name: "Authorization", value: result.authorization))
    }

    /// Every step of signing `request` whose `X-Amz-Date` is `timestamp` (`20150830T123600Z`).
    public func signature(for request: SignableRequest, payloadHash: String, timestamp: String) -> Signature {
        let (headerBlock, signedHeaders) = Self.canonicalHeaders(request.headers)
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headerBlock,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let day = String(timestamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", timestamp, scope, Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(day)))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), "
            + "Signature=\(signature)"
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signedHeaders: signedHeaders,
            signature: signature, authorization: authorization)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    private func signingKey(_ day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// S3: the path as sent. Others: dot segments and repeated slashes removed, then encoded again.
    func canonicalURI(_ path: String) -> String {
        let path = path.isEmpty ? "/" : path
        if service == "s3" { return URIEncoding.encode(path, keepingSlash: true, keepingPercent: true) }
        return URIEncoding.encode(Self.normalized(path), keepingSlash: true)
    }

    /// RFC 3986 dot-segment removal plus collapsed empty segments, keeping a trailing slash.
    static func normalized(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            switch part {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(part)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        let endsInDirectory = path.hasSuffix("/") || parts.last == "." || parts.last == ".."
        if endsInDirectory, result != "/" { result += "/" }
        return result
    }

    /// Names and values encoded (slashes too), sorted by name then value.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        let sorted = encoded.sorted { a, b in a.name == b.name ? a.value < b.value : a.name < b.name }
        return sorted.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
    }

    /// Lower-cased names, sorted; repeated headers joined with commas in the order sent; values
    /// trimmed with inner runs of spaces collapsed. Returns the block (with its blank line) and
    /// the signed-header list.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (String, String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers where name.lowercased() != "authorization" {
            merged[name.lowercased(), default: []].append(trimmed(value))
        }
        let names = merged.keys.sorted()
        let block = names.map { "\($0):\(merged[$0, default: []].joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    private static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// `20150830T123600Z` in UTC.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

extension SigV4Signer {
    /// The lower-case hex SHA-256 of `data`: the payload hash S3 wants in `x-amz-content-sha256`.
    public static func payloadHash(_ data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }
}
