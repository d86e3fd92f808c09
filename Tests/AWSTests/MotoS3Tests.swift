import Diagnostics
import Downloads
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AWS

/// S3 round trips against moto's server with signature checking on (Tests/Support/MotoServer.swift).
@Suite("S3 against moto", .enabled(if: MotoServer.python != nil), .serialized)
struct MotoS3Tests {
    static func moto() throws -> MotoServer { try MotoServer.shared.get() }

    static func client(_ overrides: [String: String] = [:], server: MotoServer? = nil) throws -> AWSClient {
        let variables = try (server ?? moto()).environment.merging(overrides) { $1 }
        return AWSClient(
            configuration: AWSConfiguration(environment: AWSEnvironment(variables: variables, home: "/nonexistent")))
    }

    /// A bucket of its own for each test.
    static func bucket(_ s3: S3Client) async throws -> String {
        let name = "pilot-\(UUID().uuidString.lowercased().prefix(18))"
        try await s3.createBucket(name)
        return name
    }

    @Test("put and get: keys with folders and spaces come back byte for byte; list and delete")
    func roundTrip() async throws {
        // A prefix with "/" is left to the test below: moto signs query values decoded (boto3 fails too).
        try await Self.roundTrip(
            try Self.client().s3, keys: ["a.txt", "folder/with space/data file.csv", "z.bin"], prefix: "folder")
    }

    @Test("unicode and reserved characters in keys (moto without signature checks: see MotoServer.unauthenticated)")
    func unusualKeys() async throws {
        let s3 = try Self.client(server: try MotoServer.unauthenticated.get()).s3
        try await Self.roundTrip(s3, keys: ["a.txt", "folder/é ü 数据.csv", "plus+and&=?#.bin"], prefix: "folder/")
    }

    static func roundTrip(_ s3: S3Client, keys: [String], prefix: String) async throws {
        let bucket = try await Self.bucket(s3)
        for (index, key) in keys.enumerated() {
            let data = Data((0..<(1000 + index)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) })
            try await s3.putObject(bucket: bucket, key: key, data: data)
            #expect(try await s3.getObject(bucket: bucket, key: key) == data)
            #expect(try await s3.headObject(bucket: bucket, key: key).size == Int64(data.count))
        }
        #expect(try await s3.listObjects(bucket: bucket).map(\.key).sorted() == keys.sorted())
        #expect(try await s3.listObjects(bucket: bucket, prefix: prefix).map(\.key) == [keys[1]])
        try await s3.deleteObject(bucket: bucket, key: keys[0])
        #expect(try await s3.listObjects(bucket: bucket).count == 2)
    }

    @Test("files through the kernel's ObjectStorage: upload, download to .part then renamed")
    func objectStorage() async throws {
        let folder = ScratchFolder("s3")
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let source = folder.write(bytes, to: "data.bin")
        let s3 = try Self.client().s3
        let bucket = try await Self.bucket(s3)
        let storage = S3ObjectStorage(environment: try Self.moto().environment, home: folder.path)
        let progress = Mutex<[Int64]>([])
        let sent = try storage.upload(
            source, bucket: bucket, key: "in/data.bin", progress: { done, _ in progress.withLock { $0.append(done) } },
            isCancelled: { false })
        #expect(sent == 300_000)
        #expect(progress.withLock { $0.last } == 300_000)
        let received = try storage.download(
            bucket: bucket, key: "in/data.bin", to: folder.file("copy.bin"), progress: { _, _ in },
            isCancelled: { false })
        #expect(received == 300_000)
        #expect(folder.bytes("copy.bin") == bytes)
        #expect(!FileManager.default.fileExists(atPath: folder.file("copy.bin.part")))
    }

    @Test("100 MB through multipart: same SHA-256, nothing left unfinished; a cancelled upload aborts")
    func multipart() async throws {
        let folder = ScratchFolder("s3-big")
        let path = folder.file("big.bin")
        // 100 MB: a 1 MB block, varied per megabyte so no two parts are alike.
        var block = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        for megabyte in 0..<100 {
            block[0] = UInt8(megabyte)
            try handle.write(contentsOf: block)
        }
        try handle.close()
        let original = SigV4Signer.payloadHash(try Data(contentsOf: URL(fileURLWithPath: path)))

        let s3 = try Self.client().s3
        let bucket = try await Self.bucket(s3)
        let storage = S3ObjectStorage(environment: try Self.moto().environment, home: folder.path)

        // Cancelled once the first part is in: interrupted, and the multipart upload aborted.
        let cancel = Mutex(false)
        do {
            _ = try storage.upload(
                path, bucket: bucket, key: "big.bin", progress: { _, _ in cancel.withLock { $0 = true } },
                isCancelled: { cancel.withLock { $0 } })
            Issue.record("expected an interruption")
        } catch {
            #expect(error.isInterruption)
        }
        #expect(try await s3.listMultipartUploads(bucket: bucket).isEmpty)
        #expect(try await s3.listObjects(bucket: bucket).isEmpty)

        let progress = Mutex<[Int64]>([])
        let start = Date()
        let sent = try storage.upload(
            path, bucket: bucket, key: "big.bin", progress: { done, _ in progress.withLock { $0.append(done) } },
            isCancelled: { false })
        let uploaded = Date()
        #expect(sent == 100 << 20)
        let reports = progress.withLock { $0 }
        #expect(reports.last == 100 << 20)
        #expect(reports.count > 7)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(try await s3.listMultipartUploads(bucket: bucket).isEmpty)
        #expect(try await s3.headObject(bucket: bucket, key: "big.bin").size == 100 << 20)

        let received = try storage.download(
            bucket: bucket, key: "big.bin", to: folder.file("back.bin"), progress: { _, _ in }, isCancelled: { false })
        let downloaded = Date()
        #expect(received == 100 << 20)
        #expect(
            SigV4Signer.payloadHash(try Data(contentsOf: URL(fileURLWithPath: folder.file("back.bin")))) == original)
        print(
            "moto 100 MB: upload \(String(format: "%.1f", uploaded.timeIntervalSince(start))) s, "
                + "download \(String(format: "%.1f", downloaded.timeIntervalSince(uploaded))) s")
    }

    @Test("a missing bucket says so and what to do")
    func missingBucket() async throws {
        let s3 = try Self.client().s3
        do {
            _ = try await s3.getObject(bucket: "no-such-bucket-here", key: "a.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "NoSuchBucket")
            #expect(
                error.diagnostic.message
                    == "S3 bucket 'no-such-bucket-here' does not exist (NoSuchBucket)")
            #expect(error.diagnostic.hint == "check the bucket name and the region (AWS_REGION), or create the bucket")
        }
    }

    @Test("a missing key says NoSuchKey")
    func missingKey() async throws {
        let s3 = try Self.client().s3
        let bucket = try await Self.bucket(s3)
        await #expect(throws: AWSError.self) { try await s3.getObject(bucket: bucket, key: "nothing") }
        do { _ = try await s3.getObject(bucket: bucket, key: "nothing") } catch { #expect(error.code == "NoSuchKey") }
    }

    @Test("a wrong secret: SignatureDoesNotMatch, pointing at the secret key")
    func wrongSecret() async throws {
        let s3 = try Self.client(["AWS_SECRET_ACCESS_KEY": "not-the-secret"]).s3
        do {
            _ = try await s3.listObjects(bucket: "anything")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "SignatureDoesNotMatch")
            #expect(
                error.diagnostic.message
                    == "AWS rejected the request's signature: the secret key does not match the access key "
                    + "'\(try Self.moto().accessKeyId)' (SignatureDoesNotMatch)")
            #expect(error.diagnostic.hint == "check the secret access key in AWS_SECRET_ACCESS_KEY")
        }
    }

    @Test("an unknown access key: InvalidAccessKeyId")
    func unknownKey() async throws {
        let s3 = try Self.client(["AWS_ACCESS_KEY_ID": "AKIDNOBODY"]).s3
        do {
            _ = try await s3.listObjects(bucket: "anything")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "InvalidAccessKeyId")
            #expect(error.diagnostic.message == "AWS does not know the access key 'AKIDNOBODY' (InvalidAccessKeyId)")
            #expect(error.diagnostic.hint == "check the access key id in AWS_ACCESS_KEY_ID")
        }
    }
}
