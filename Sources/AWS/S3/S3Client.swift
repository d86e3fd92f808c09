import Foundation

/// S3 over REST-XML: buckets, objects, listings. Every body is hashed and the hash signed
/// (`x-amz-content-sha256`); keys are encoded once with `/` kept. File transfers, multipart
/// uploads included, are in S3Client+Transfers.swift.
public struct S3Client: Sendable {
    let client: AWSClient

    func route(bucket: String, key: String? = nil) throws(AWSError) -> (S3Address, SigV4Signer) {
        let (endpoint, signer) = try client.route(.s3)
        return (S3Address(endpoint: endpoint, bucket: bucket, key: key), signer)
    }

    /// Sends one request about `bucket` (and `key`) and reads the whole answer.
    func send(
        _ operation: String, method: String, bucket: String, key: String? = nil,
        query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = [],
        body: Data = Data(), bodyProgress: (@Sendable (Int64) -> Void)? = nil
    ) async throws(AWSError) -> AWSResponse {
        let (address, signer) = try route(bucket: bucket, key: key)
        let request = AWSRequest(
            method: method, path: address.path, query: query, headers: headers, body: body, bodyProgress: bodyProgress)
        do {
            return try await client.transport.send(
                request, to: address.endpoint, signer: signer, operation: "S3 \(operation)",
                decodeError: ErrorDecoding.restXML)
        } catch {
            throw error.about(bucket: bucket, key: key)
        }
    }

    /// Creates `bucket` in the configured region.
    public func createBucket(_ bucket: String) async throws(AWSError) {
        let region = client.configuration.region ?? AWSConfiguration.fallbackRegion
        let body =
            region == "us-east-1"
            ? Data()
            : Data(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(XMLFields.escaped(region))</LocationConstraint></CreateBucketConfiguration>")
                    .utf8)
        _ = try await send("CreateBucket", method: "PUT", bucket: bucket, body: body)
    }

    /// Stores `data` as `key` in one request; `progress` is told the bytes sent as they go.
    public func putObject(
        bucket: String, key: String, data: Data, progress: (@Sendable (Int64) -> Void)? = nil
    ) async throws(AWSError) {
        _ = try await send(
            "PutObject", method: "PUT", bucket: bucket, key: key,
            headers: [(name: "Content-Type", value: "application/octet-stream")], body: data, bodyProgress: progress)
    }

    /// The object's bytes, read whole (for small objects; files go through ``download(bucket:key:to:progress:)``).
    public func getObject(bucket: String, key: String) async throws(AWSError) -> Data {
        try await send("GetObject", method: "GET", bucket: bucket, key: key).body
    }

    /// The object's size and ETag, without its bytes.
    public func headObject(bucket: String, key: String) async throws(AWSError) -> S3ObjectInfo {
        let response = try await send("HeadObject", method: "HEAD", bucket: bucket, key: key)
        return S3ObjectInfo(
            size: response.header("Content-Length").flatMap { Int64($0) } ?? 0, etag: response.header("ETag"),
            contentType: response.header("Content-Type"))
    }

    public func deleteObject(bucket: String, key: String) async throws(AWSError) {
        _ = try await send("DeleteObject", method: "DELETE", bucket: bucket, key: key)
    }

    /// Every object under `prefix`, following continuation tokens.
    public func listObjects(bucket: String, prefix: String = "") async throws(AWSError) -> [S3ObjectSummary] {
        var objects: [S3ObjectSummary] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [(name: "list-type", value: "2")]
            if !prefix.isEmpty { query.append((name: "prefix", value: prefix)) }
            if let token { query.append((name: "continuation-token", value: token)) }
            let xml = XMLFields(try await send("ListObjectsV2", method: "GET", bucket: bucket, query: query).body)
            for record in xml.records("Contents") {
                guard let key = record.first("Key") else { continue }
                objects.append(
                    S3ObjectSummary(
                        key: key, size: record.first("Size").flatMap { Int64($0) } ?? 0,
                        etag: record.first("ETag") ?? ""))
            }
            token = xml.first("IsTruncated") == "true" ? xml.first("NextContinuationToken") : nil
        } while token != nil
        return objects
    }

    /// Multipart uploads started in `bucket` and not yet completed or aborted.
    public func listMultipartUploads(bucket: String) async throws(AWSError) -> [S3MultipartUploadSummary] {
        let xml = XMLFields(
            try await send("ListMultipartUploads", method: "GET", bucket: bucket, query: [(name: "uploads", value: "")])
                .body)
        return xml.records("Upload").compactMap { record in
            guard let key = record.first("Key"), let id = record.first("UploadId") else { return nil }
            return S3MultipartUploadSummary(key: key, uploadId: id)
        }
    }

    /// Discards a multipart upload and the parts sent so far.
    public func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws(AWSError) {
        _ = try await send(
            "AbortMultipartUpload", method: "DELETE", bucket: bucket, key: key,
            query: [(name: "uploadId", value: uploadId)])
    }
}

extension AWSError {
    /// The same error, about `bucket` and `key` unless it already names them.
    func about(bucket: String, key: String?) -> AWSError {
        var copy = self
        if copy.bucket == nil {
            copy.bucket = bucket
            copy.key = key
        }
        return copy
    }
}
