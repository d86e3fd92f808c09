import Foundation
import Testing

@testable import AWS

/// AWS's published SigV4 vectors (Fixtures/aws-sig-v4-test-suite), compared step by step.
@Suite("SigV4 against AWS's test suite")
struct SigV4SuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/aws-sig-v4-test-suite")

    /// Every case folder (those under normalize-path/ too), by name.
    static let cases: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".req") { names.append(String(path.dropLast(4))) }
        }
        return names.sorted()
    }()

    static let signer = SigV4Signer(
        credentials: AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")

    @Test("the suite has the cases we expect")
    func caseCount() {
        #expect(Self.cases.count == 23)
        #expect(Self.cases.contains("get-vanilla/get-vanilla"))
        #expect(Self.cases.contains("normalize-path/get-space/get-space"))
    }

    @Test("canonical request, string to sign and Authorization match", arguments: cases)
    func vector(_ name: String) throws {
        func file(_ ext: String) throws -> String {
            try String(contentsOf: Self.folder.appendingPathComponent("\(name).\(ext)"), encoding: .utf8)
        }
        let (request, body) = try Self.parse(file("req"))
        let result = Self.signer.signature(
            for: request, payloadHash: SigV4Signer.payloadHash(Data(body.utf8)), timestamp: "20150830T123600Z")
        #expect(result.canonicalRequest == (try file("creq")))
        #expect(result.stringToSign == (try file("sts")))
        #expect(result.authorization == (try file("authz")))
    }

    /// Reads a `.req` file: `METHOD TARGET HTTP/1.1`, `Name:value` lines, a blank line, the body.
    static func parse(_ text: String) throws -> (SignableRequest, String) {
        let (head, body) =
            text.range(of: "\n\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) }
            ?? (text, "")
        var lines = head.components(separatedBy: "\n")
        let first = lines.removeFirst()
        // The target may hold spaces (get-space): it runs up to the last " HTTP/1.1".
        let method = String(first.prefix { $0 != " " })
        let target = String(first.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count))
        let path = String(target.prefix { $0 != "?" })
        let queryText = target.count > path.count ? String(target.dropFirst(path.count + 1)) : ""
        let query =
            queryText.isEmpty
            ? []
            : queryText.components(separatedBy: "&").map { pair -> (name: String, value: String) in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (
                    URIEncoding.decode(String(parts[0])), parts.count > 1 ? URIEncoding.decode(String(parts[1])) : ""
                )
            }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
        return (SignableRequest(method: method, path: path, query: query, headers: headers), body)
    }
}

/// The worked examples in S3's documentation ("Signature Calculations for the Authorization
/// Header: Transferring Payload in a Single Chunk"): examplebucket, 2013-05-24.
@Suite("SigV4 against S3's documented examples")
struct S3SignatureExampleTests {
    static let signer = SigV4Signer(
        credentials: AWSCredentials(
            accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "s3")
    static let host = (name: "Host", value: "examplebucket.s3.amazonaws.com")
    static let date = (name: "x-amz-date", value: "20130524T000000Z")
    static let empty = SigV4Signer.emptyPayloadHash

    @Test("GET Object with a Range header")
    func getObject() {
        let request = SignableRequest(
            method: "GET", path: "/test.txt",
            headers: [
                Self.host, (name: "Range", value: "bytes=0-9"), (name: "x-amz-content-sha256", value: Self.empty),
                Self.date,
            ])
        let result = Self.signer.signature(for: request, payloadHash: Self.empty, timestamp: "20130524T000000Z")
        #expect(
            result.canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            result.stringToSign == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
                """)
        #expect(result.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("PUT Object: a key with '$', a signed payload and a storage class")
    func putObject() {
        let body = Data("Welcome to Amazon S3.".utf8)
        let hash = SigV4Signer.payloadHash(body)
        #expect(hash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = SignableRequest(
            method: "PUT", path: "/" + URIEncoding.encodeKey("test$file.text"),
            headers: [
                (name: "Date", value: "Fri, 24 May 2013 00:00:00 GMT"), Self.host, Self.date,
                (name: "x-amz-storage-class", value: "REDUCED_REDUNDANCY"), (name: "x-amz-content-sha256", value: hash),
            ])
        #expect(request.path == "/test%24file.text")
        let result = Self.signer.signature(for: request, payloadHash: hash, timestamp: "20130524T000000Z")
        #expect(result.signedHeaders == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
        #expect(result.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET with a query: the lifecycle subresource and a listing, sorted")
    func getWithQuery() {
        let cases: [([(name: String, value: String)], String)] = [
            ([(name: "lifecycle", value: "")], "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
            (
                [(name: "prefix", value: "J"), (name: "max-keys", value: "2")],
                "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
            ),
        ]
        for (query, signature) in cases {
            let request = SignableRequest(
                method: "GET", path: "/", query: query,
                headers: [Self.host, (name: "x-amz-content-sha256", value: Self.empty), Self.date])
            #expect(
                Self.signer.signature(for: request, payloadHash: Self.empty, timestamp: "20130524T000000Z").signature
                    == signature)
        }
    }

    @Test("sign adds the date, the session token and the Authorization header")
    func signAddsHeaders() {
        var signer = Self.signer
        signer.credentials.sessionToken = "TOKEN"
        var request = SignableRequest(method: "GET", path: "/", headers: [Self.host])
        signer.sign(&request, payloadHash: Self.empty, date: Date(timeIntervalSince1970: 1_369_353_600))
        #expect(request.header("X-Amz-Date") == "20130524T000000Z")
        #expect(request.header("X-Amz-Security-Token") == "TOKEN")
        #expect(
            request.header("Authorization")?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,") == true)
    }

    @Test("keys are encoded once, '/' kept; S3 does not encode the path again")
    func keyEncoding() {
        #expect(URIEncoding.encodeKey("data/my file ü+é.csv") == "data/my%20file%20%C3%BC%2B%C3%A9.csv")
        let s3 = SigV4Signer(credentials: Self.signer.credentials, region: "us-east-1", service: "s3")
        let other = SigV4Signer(credentials: Self.signer.credentials, region: "us-east-1", service: "sagemaker")
        #expect(s3.canonicalURI("/b/a%20b") == "/b/a%20b")
        #expect(other.canonicalURI("/b/a%20b") == "/b/a%2520b")
        #expect(s3.canonicalURI("//a/./b") == "//a/./b")
    }
}
