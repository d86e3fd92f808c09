import AsyncHTTPClient
import Foundation
import NIOCore

extension S3Client {
    /// Files larger than this go up in parts.
    public static let multipartThreshold: Int64 = 64 << 20
    /// The size of each part (S3's minimum is 5 MB, its maximum 10,000 parts).
    public static let partSize: Int64 = 16 << 20

    /// Uploads the file at `path` as `key`: one PutObject up to ``multipartThreshold``, a
    /// multipart upload above it. A failed or cancelled multipart upload is aborted, so nothing
    /// is left behind. Returns the bytes sent.
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
            try await putObject(bucket: bucket, key: key, data: data)
            progress(size, size)
            return size
        }
        let partSize = max(Self.partSize, (size + 9_999) / 10_000)
        let uploadId = try await createMultipartUpload(bucket: bucket, key: key)
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw AWSError.localFile(path, "cannot read") }
            defer { try? handle.close() }
            var parts: [(number: Int, etag: String)] = []
            var offset: Int64 = 0
            while offset < size {
                if Task.isCancelled { throw AWSError.cancelled("S3 UploadPart") }
                let chunk: Data
                do {
                    try handle.seek(toOffset: UInt64(offset))
                    chunk = try handle.read(upToCount: Int(min(partSize, size - offset))) ?? Data()
                } catch {
                    throw AWSError.localFile(path, "cannot read the file")
                }
                guard !chunk.isEmpty else { throw AWSError.localFile(path, "the file shrank while uploading") }
                let number = parts.count + 1
                let response = try await send(
                    "UploadPart", method: "PUT", bucket: bucket, key: key,
                    query: [(name: "partNumber", value: String(number)), (name: "uploadId", value: uploadId)],
                    body: chunk)
                parts.append((number, response.header("ETag") ?? ""))
                offset += Int64(chunk.count)
                progress(offset, size)
            }
            try await completeMultipartUpload(bucket: bucket, key: key, uploadId: uploadId, parts: parts)
            return size
        } catch let failure as AWSError {
            await abandon(bucket: bucket, key: key, uploadId: uploadId)
            throw failure
        } catch {
            await abandon(bucket: bucket, key: key, uploadId: uploadId)
            throw AWSError(code: AWSError.Code.invalidResponse, message: "\(error)", operation: "S3 UploadPart")
        }
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
                code: AWSError.Code.invalidResponse, message: "the answer ended after \(received) of \(total) bytes",
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
