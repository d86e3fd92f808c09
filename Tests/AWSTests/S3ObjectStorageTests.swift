import Diagnostics
import Downloads
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AWS

/// The kernel's ObjectStorage adaptor against a local stub: configuration read at first use,
/// files written whole or not at all, AWS's errors as the cell shows them.
@Suite("S3ObjectStorage against a local stub")
struct S3ObjectStorageTests {
    @Test("no credentials at all: nothing is sent, and the cell's error lists where it looked")
    func noCredentials() throws {
        let requests = Mutex(0)
        let server = try LoopbackServer { _ in
            requests.withLock { $0 += 1 }
            return .init(status: 200)
        }
        let home = ScratchFolder("no-aws")
        let storage = S3ObjectStorage(environment: ["AWS_ENDPOINT_URL": server.url("")], home: home.path)
        do {
            _ = try storage.download(
                bucket: "b", key: "k", to: home.file("k"), progress: { _, _ in }, isCancelled: { false })
            Issue.record("expected an error")
        } catch {
            #expect(
                error.message
                    == "no AWS credentials found; looked in environment variables AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY; profile 'default' in \(home.path)/.aws/credentials (no such file); "
                    + "profile 'default' in \(home.path)/.aws/config (no such file)")
            #expect(
                error.hint
                    == "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys), "
                    + "or run 'aws configure'")
        }
        #expect(requests.withLock { $0 } == 0)
        #expect(!FileManager.default.fileExists(atPath: home.file("k")))
    }

    @Test("the configuration is read at first use, not when the session starts")
    func lazyConfiguration() throws {
        let seen = Mutex<LoopbackServer.Request?>(nil)
        let server = try LoopbackServer { request in
            seen.withLock { $0 = request }
            return .init(status: 200)
        }
        let home = ScratchFolder("late-aws")
        let storage = S3ObjectStorage(
            environment: ["AWS_ENDPOINT_URL_S3": server.url(""), "AWS_PROFILE": "late"], home: home.path)
        home.write("[late]\naws_access_key_id = AKIDLATE\naws_secret_access_key = s\n", to: ".aws/credentials")
        let file = home.write("a,b\n1,2\n", to: "data.csv")
        let sent = try storage.upload(
            file, bucket: "data", key: "in/data.csv", progress: { _, _ in }, isCancelled: { false })
        #expect(sent == 8)
        let request = try #require(seen.withLock { $0 })
        #expect(request.target == "/data/in/data.csv")
        #expect(request.headers["authorization"]?.contains("Credential=AKIDLATE/") == true)
    }

    @Test("a download is written whole: progress to the end, .part renamed; a missing key leaves nothing")
    func download() throws {
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let server = try LoopbackServer { request in
            request.target == "/data/there.bin"
                ? .init(status: 200, body: payload)
                : .init(
                    status: 404,
                    body: Array(
                        "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>".utf8
                    ))
        }
        let folder = ScratchFolder("s3-get")
        let storage = S3ObjectStorage(
            environment: ["AWS_ENDPOINT_URL": server.url(""), "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S"],
            home: folder.path)
        let last = Mutex<(Int64, Int64?)>((0, nil))
        let received = try storage.download(
            bucket: "data", key: "there.bin", to: folder.file("there.bin"),
            progress: { done, total in last.withLock { $0 = (done, total) } }, isCancelled: { false })
        #expect(received == 200_000)
        #expect(last.withLock { $0.0 } == 200_000 && last.withLock { $0.1 } == 200_000)
        #expect(folder.bytes("there.bin") == payload)
        do {
            _ = try storage.download(
                bucket: "data", key: "gone.bin", to: folder.file("gone.bin"), progress: { _, _ in },
                isCancelled: { false })
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "no object 'gone.bin' in S3 bucket 'data' (NoSuchKey)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("gone.bin")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("gone.bin.part")))
    }
}
