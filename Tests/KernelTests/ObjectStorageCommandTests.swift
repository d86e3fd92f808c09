import Diagnostics
import Foundation
import Frames
import Synchronization
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

/// An object store in memory: what `upload`, `download s3://` and `load s3://` see of S3,
/// without a network. The AWS client itself is tested against moto's server in AWSTests.
final class MemoryObjectStorage: ObjectStorage {
    let objects = Mutex<[String: Data]>([:])
    /// What every transfer fails with, when set.
    let failing: Diagnostic?

    init(failing: Diagnostic? = nil) { self.failing = failing }

    func upload(
        _ path: String, bucket: String, key: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        if let failing { throw failing }
        guard let data = FileManager.default.contents(atPath: path) else { throw Diagnostic("cannot read \(path)") }
        if isCancelled() { throw .interrupted() }
        progress(Int64(data.count), Int64(data.count))
        objects.withLock { $0["\(bucket)/\(key)"] = data }
        return Int64(data.count)
    }

    func download(
        bucket: String, key: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        if let failing { throw failing }
        guard let data = objects.withLock({ $0["\(bucket)/\(key)"] }) else {
            throw Diagnostic("NoSuchKey: s3://\(bucket)/\(key) does not exist", hint: "check the key")
        }
        guard FileManager.default.createFile(atPath: destination, contents: data) else {
            throw Diagnostic("cannot write \(destination)")
        }
        return Int64(data.count)
    }

    subscript(_ address: String) -> Data? { objects.withLock { $0[address] } }
}

@Suite("S3 in the cell language")
struct ObjectStorageCommandTests {
    final class Fixture {
        let folder = ScratchFolder("s3-commands")
        let storage: MemoryObjectStorage
        let session: Session
        init(storage: MemoryObjectStorage = MemoryObjectStorage()) {
            self.storage = storage
            folder.write(FrameCommandTests.csv, to: "people.csv")
            session = Session(workingDirectory: folder.path, services: [storage])
        }

        func run(_ source: String) -> (status: Kernel.Status, text: String) {
            let result = Kernel.standard.run(cell: source, in: session)
            return (result.status, result.transcript())
        }
    }

    @Test("a frame goes up as CSV with its header, comes back down and loads to the same frame")
    func frameRoundTrip() throws {
        let f = Fixture()
        _ = f.run("load people.csv as people")
        let up = f.run("upload people to s3://my-bucket/bank/")
        #expect(up.status == .ok)
        let sent = try #require(f.storage["my-bucket/bank/people.csv"])
        let csv = String(decoding: sent, as: UTF8.self)
        #expect(csv.hasPrefix("age,job,balance,y\n30,admin.,1.5,no\n"))
        #expect(up.text.hasPrefix("uploaded people (5 rows × 4 columns) as CSV to s3://my-bucket/bank/people.csv\n"))
        #expect(up.text.contains("\(sent.count) bytes"))

        let down = f.run("load s3://my-bucket/bank/people.csv as again")
        #expect(down.status == .ok, "\(down.text)")
        #expect(down.text.hasPrefix("again: 5 rows × 4 columns (s3://my-bucket/bank/people.csv)\n"))
        let original = try f.session.frame("people")
        let again = try f.session.frame("again")
        #expect(original.columnNames == again.columnNames)
        #expect(CSVWriter.bytes(of: original, separator: 0x2C) == CSVWriter.bytes(of: again, separator: 0x2C))
    }

    @Test("a file goes up byte for byte and comes back down as the same bytes")
    func fileRoundTrip() throws {
        let f = Fixture()
        let up = f.run("upload people.csv to s3://my-bucket/raw/")
        #expect(up.status == .ok)
        #expect(f.storage["my-bucket/raw/people.csv"] == Data(FrameCommandTests.csv.utf8))
        let down = f.run("download s3://my-bucket/raw/people.csv to copies/")
        #expect(down.status == .ok, "\(down.text)")
        #expect(
            FileManager.default.contents(atPath: f.folder.path + "/copies/people.csv")
                == Data(FrameCommandTests.csv.utf8))
        // Both name the same SHA-256, so a reader can see the bytes are the same.
        let digest = try #require(down.text.split(separator: "\n").last { $0.hasPrefix("sha256 ") })
        #expect(up.text.contains(digest.dropFirst("sha256 ".count)))
    }

    @Test("mistakes say what went wrong and what to do, and change nothing")
    func mistakes() {
        let f = Fixture()
        #expect(
            f.run("upload peeple to s3://my-bucket/x.csv").text == """
                error: no frame or file named peeple
                hint: load a frame, or name a file in the workbook's folder

                """)
        let badAddress = f.run("upload people.csv to s3://My_Bucket/x.csv")
        #expect(badAddress.status == .error)
        #expect(badAddress.text.contains("S3 addresses read s3://BUCKET/KEY"))
        #expect(
            f.run("download s3://my-bucket/raw/").text.hasPrefix(
                "error: s3://my-bucket/raw/ is a folder, not an object"))
        let missing = f.run("load s3://my-bucket/none.csv as none")
        #expect(missing.text.hasPrefix("error: NoSuchKey"))
        #expect(f.session.values["none"] == nil)
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/none.csv"))
    }

    @Test("without an S3 client the session says so")
    func noStorage() {
        let folder = ScratchFolder("s3-none")
        let session = Session(workingDirectory: folder.path)
        folder.write("a\n1\n", to: "a.csv")
        let result = Kernel.standard.run(cell: "upload a.csv to s3://my-bucket/a.csv", in: session)
        #expect(
            result.transcript() == """
                error: this session cannot reach S3
                hint: run the workbook with pilot run or pilot open

                """)
    }

    @Test("upload and load from S3 are trust risks; load of a local file is not")
    func risks() {
        #expect(
            Kernel.standard.risks(in: "upload train to s3://b/k.csv").map(\.reason) == [
                "sends data off this machine, to S3"
            ])
        #expect(Kernel.standard.risks(in: "load s3://b/k.csv").map(\.reason) == ["downloads from the network"])
        #expect(Kernel.standard.risks(in: "load k.csv").isEmpty)
    }

    @Test("S3 addresses: buckets as S3 names them, folders, file names")
    func addresses() {
        #expect(S3Location("s3://my-bucket/a/b.csv") == S3Location(bucket: "my-bucket", key: "a/b.csv"))
        #expect(S3Location("s3://my-bucket")?.isFolder == true)
        #expect(S3Location("s3://my-bucket/a/")?.placing("t.csv").description == "s3://my-bucket/a/t.csv")
        #expect(S3Location("s3://my-bucket/a/b.csv")?.placing("t.csv").description == "s3://my-bucket/a/b.csv")
        for bad in ["s3://", "s3://ab", "s3://Upper/x", "s3://-lead/x", "https://b/k", "s3://under_score/k"] {
            #expect(S3Location(bad) == nil, "\(bad)")
        }
    }
}
