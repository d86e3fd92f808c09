import AsyncHTTPClient
import Foundation
import NIOCore

extension S3Client {
    /// Files larger than this go up in parts.
    public static let multipartThreshold: Int64 = 64 << 20
    /// The size of each part (S3's minimum is 5 MB, its maximum 10,000 parts).
    public static let partSize: Int64 = 16 << 20

    /// Parts sent at once: enough to fill a link to S3, little memory (4 × 16 MB).
    public static let concurrentParts = 4

    /// Uploads the file at `path` as `key`: one PutObject up to ``multipartThreshold``, a
    /// multipart upload above it (``concurrentParts`` parts in flight). A failed or cancelled
    /// multipart upload is aborted, so nothing is left behind. `progress` is told the bytes sent
    /// as they go. Returns the bytes sent.
    public func upload(
        file path: String, bucket: String, key: String, progress: @escaping TransferProgress = { _, _ in }
    ) async throws(AWSError) -> Int64 {
        let size = try Self.fileSize(path)
        if size <= Self.multipartThreshold {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .localFile(path, "cannot read the file")
            }
            try await putObject(bucket: bucket, key: key, data: data) { progress($0, size) }
            return size
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .localFile(path, "cannot read the file") }
        defer { try? handle.close() }
        let partSize = max(Self.partSize, (size + 9_999) / 10_000)
        let uploadId = try await createMultipartUpload(bucket: bucket, key: key)
        do {
            let etags = try await uploadParts(
                of: FilePart.Source(handle: handle, path: path, size: size, partSize: partSize), bucket: bucket,
                key: key, uploadId: uploadId, progress: progress)
            try await completeMultipartUpload(
                bucket: bucket, key: key, uploadId: uploadId,
                parts: etags.enumerated().map { ($0.offset + 1, $0.element) })
            return size
        } catch let failure as AWSError {
            await abandon(bucket: bucket, key: key, uploadId: uploadId)
            throw failure
        } catch {
            await abandon(bucket: bucket, key: key, uploadId: uploadId)
            throw error is CancellationError
                ? .cancelled("S3 UploadPart")
                : AWSError(code: AWSError.Code.invalidResponse, message: "\(error)", operation: "S3 UploadPart")
        }
    }

    /// Sends every part, a few at a time, reading each from the file just before it goes;
    /// returns their ETags in order.
    private func uploadParts(
        of source: FilePart.Source, bucket: String, key: String, uploadId: String, progress: @escaping TransferProgress
    ) async throws -> [String] {
        let sent = FilePart.Tally(parts: source.count)
        var etags = [String](repeating: "", count: source.count)
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var next = 0
            func start() throws {
                if Task.isCancelled { throw AWSError.cancelled("S3 UploadPart") }
                let index = next
                let chunk = try source.read(index)
                next += 1
                group.addTask {
                    let response = try await send(
                        "UploadPart", method: "PUT", bucket: bucket, key: key,
                        query: [(name: "partNumber", value: String(index + 1)), (name: "uploadId", value: uploadId)],
                        body: chunk
                    ) { bytes in
                        sent.record(bytes, part: index) { progress($0, source.size) }
                    }
                    return (index, response.header("ETag") ?? "")
                }
            }
            while next < min(source.count, Self.concurrentParts) { try start() }
            while let (index, etag) = try await group.next() {
                etags[index] = etag
                if next < source.count { try start() }
            }
        }
        return etags
    }

    /// Downloads `key` to `destination` through `destination.part`, renamed into place only when
    /// complete. Returns the bytes received.
    public func download(
        bucket: String, key: String, to destination: String, progress: @escaping TransferProgress = { _, _ in }
    ) async throws(AWSError) -> Int64 {
        let (address, signer) = try route(bucket: bucket, key: key)
        let partial = destination + ".part"
        let request = AWSRequest(method: "GET", path: address.path)
        let received: Int64
        do {
            received = try await client.transport.send(
                request, to: address.endpoint, signer: signer, operation: "S3 GetObject",
                decodeError: ErrorDecoding.restXML
            ) { response in
                try await Self.write(response, to: partial, progress: progress)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error.about(bucket: bucket, key: key)
        }
        do {
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: destination)
            }
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            throw .localFile(destination, "cannot save the download")
        }
        return received
    }

    /// Streams a response body into `path` (created anew, so a retried attempt starts over).
    private static func write(
        _ response: HTTPClientResponse, to path: String, progress: TransferProgress
    ) async throws -> Int64 {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw AWSError.localFile(path, "cannot write") }
        defer { try? handle.close() }
        let total = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
        var received: Int64 = 0
        for try await buffer in response.body {
            do {
                try buffer.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
            } catch {
                throw AWSError.localFile(path, "cannot write the download (is the disk full?)")
            }
            received += Int64(buffer.readableBytes)
            progress(received, total)
        }
        if let total, received != total {
            throw AWSError(
                code: AWSError.Code.incompleteBody, message: "the answer ended after \(received) of \(total) bytes",
                operation: "S3 GetObject")
        }
        return received
    }

    func createMultipartUpload(bucket: String, key: String) async throws(AWSError) -> String {
        let response = try await send(
            "CreateMultipartUpload", method: "POST", bucket: bucket, key: key, query: [(name: "uploads", value: "")],
            headers: [(name: "Content-Type", value: "application/octet-stream")])
        guard let id = XMLFields(response.body).first("UploadId") else {
            throw AWSError(
                code: AWSError.Code.invalidResponse, message: "no UploadId in the answer",
                operation: "S3 CreateMultipartUpload")
        }
        return id
    }

    func completeMultipartUpload(
        bucket: String, key: String, uploadId: String, parts: [(number: Int, etag: String)]
    ) async throws(AWSError) {
        let list = parts.map {
            "<Part><PartNumber>\($0.number)</PartNumber><ETag>\(XMLFields.escaped($0.etag))</ETag></Part>"
        }
        let body = "<CompleteMultipartUpload>\(list.joined())</CompleteMultipartUpload>"
        let response = try await send(
            "CompleteMultipartUpload", method: "POST", bucket: bucket, key: key,
            query: [(name: "uploadId", value: uploadId)], body: Data(body.utf8))
        // S3 may answer 200 and put the error in the body.
        let xml = XMLFields(response.body)
        if let code = xml.first("Code"), xml.first("Error") != nil || response.body.starts(with: Data("<Error".utf8)) {
            var failure = AWSError(
                code: code, message: xml.first("Message") ?? "", status: response.status,
                operation: "S3 CompleteMultipartUpload")
            failure.bucket = bucket
            failure.key = key
            throw failure
        }
    }

    /// Aborts an upload that failed or was cancelled, in a task of its own so that it runs even
    /// when this one was cancelled (an unstructured task keeps the caller's executor).
    private func abandon(bucket: String, key: String, uploadId: String) async {
        let s3 = self
        await Task {
            try? await s3.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
        }.value
    }

    static func fileSize(_ path: String) throws(AWSError) -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.int64Value
        else { throw .localFile(path, "no such file") }
        return size
    }
}
