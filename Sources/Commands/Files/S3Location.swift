import Cloud
import Diagnostics
import Kernel

/// An object in S3, written `s3://BUCKET/KEY`; a key that is empty or ends in `/` is a folder.
struct S3Location: Sendable, Equatable, CustomStringConvertible {
    var bucket: String
    var key: String

    init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Reads `s3://BUCKET[/KEY]`; nil for anything else, or a bucket name S3 would refuse.
    init?(_ text: String) {
        guard text.lowercased().hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let bucket = String(rest.prefix { $0 != "/" })
        guard Self.isBucketName(bucket) else { return nil }
        self.bucket = bucket
        self.key = String(rest.dropFirst(bucket.count + 1))
    }

    /// Whether a key names a folder rather than an object.
    var isFolder: Bool { key.isEmpty || key.hasSuffix("/") }

    /// The last part of the key: what a file fetched from it is called.
    var fileName: String { key.split(separator: "/").last.map(String.init) ?? "" }

    /// This location, or `fileName` inside it when it is a folder (`s3://b/data/` + `train.csv`),
    /// as `aws s3 cp` places files.
    func placing(_ fileName: String) -> S3Location {
        guard isFolder else { return self }
        var placed = self
        placed.key += fileName
        return placed
    }

    var description: String { "s3://\(bucket)/\(key)" }

    /// `path` under this location taken as a folder: `s3://b/runs` + `bank/train.csv`.
    func appending(_ path: String) -> S3Location {
        S3Location(bucket: bucket, key: (key.isEmpty || key.hasSuffix("/") ? key : key + "/") + path)
    }

    /// S3's rules for bucket names: 3 to 63 lowercase letters, digits, dots and hyphens, starting
    /// and ending with a letter or digit.
    static func isBucketName(_ name: String) -> Bool {
        let allowed = name.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D
        }
        let edges = [name.utf8.first, name.utf8.last].allSatisfy { $0.map { $0 != 0x2E && $0 != 0x2D } ?? false }
        return (3...63).contains(name.utf8.count) && allowed && edges
    }
}

extension ValueParser where Value == S3Location {
    /// `s3://BUCKET/KEY`.
    static var s3: ValueParser {
        ValueParser(
            placeholder: "s3://BUCKET/KEY", kind: .url, expectation: "an S3 address, s3://BUCKET/KEY",
            example: "s3://my-bucket/bank/train.csv",
            advice: "S3 addresses read s3://BUCKET/KEY; bucket names are 3 to 63 lowercase letters, digits, . and -"
        ) { S3Location($0) }
    }
}

extension CommandContext {
    /// The session's S3 client, or why there is none.
    func objectStorage() throws(Diagnostic) -> any ObjectStorage {
        guard let storage = session.service((any ObjectStorage).self) else {
            throw Diagnostic(
                "this session cannot reach S3", hint: "run the workbook with pilot run or pilot open")
        }
        return storage
    }

    /// Downloads `location` to `path` (absolute), with progress under `label`; the bytes moved.
    /// A workbook's `region` setting (for its SageMaker jobs) picks S3's region too.
    func download(_ location: S3Location, to path: String, label: String) throws(Diagnostic) -> Int64 {
        let storage = try objectStorage()
        defer { live?.endProgress() }
        let interruption = self.interruption
        if let region = session.workbookValue("region"), let regional = storage as? any RegionalObjectStorage {
            return try regional.download(
                bucket: location.bucket, key: location.key, to: path, region: region,
                progress: progressReporter("download \(label)"), isCancelled: { interruption.isRaised })
        }
        return try storage.download(
            bucket: location.bucket, key: location.key, to: path, progress: progressReporter("download \(label)"),
            isCancelled: { interruption.isRaised })
    }

    /// Uploads the file at `path` (absolute) to `location`, with progress under `label`; the bytes sent.
    func upload(_ path: String, to location: S3Location, label: String) throws(Diagnostic) -> Int64 {
        let storage = try objectStorage()
        defer { live?.endProgress() }
        let interruption = self.interruption
        if let region = session.workbookValue("region"), let regional = storage as? any RegionalObjectStorage {
            return try regional.upload(
                path, bucket: location.bucket, key: location.key, region: region,
                progress: progressReporter("upload \(label)"), isCancelled: { interruption.isRaised })
        }
        return try storage.upload(
            path, bucket: location.bucket, key: location.key, progress: progressReporter("upload \(label)"),
            isCancelled: { interruption.isRaised })
    }

    /// A transfer's progress callback that shows `label`, the fraction done and the bytes moved.
    func progressReporter(_ label: String) -> @Sendable (Int64, Int64?) -> Void {
        let live = self.live
        return { done, total in
            live?.progress(label, fraction: total.map { Double(done) / Double(max(1, $0)) }, detail: Sizes.bytes(done))
        }
    }
}
