import Crypto
import Diagnostics
import Foundation
import Kernel

/// `download URL [to PATH]`: a file from the network or S3, or from PILOT_MIRROR.
struct Download: CellCommand {
    static let configuration = CommandConfiguration(
        "download", area: .files, summary: "fetch a file over HTTP(S) or from S3; PILOT_MIRROR is searched first",
        discussion: """
            The file is saved under its own name in the workbook's folder (or at PATH), and its size and SHA-256 \
            are shown so everyone can check they have the same data. A file already there is not fetched again. \
            Set PILOT_MIRROR to a folder to use local copies of http(s) files, looked up by file name, instead of \
            the network. s3://BUCKET/KEY is fetched with the AWS credentials, region and endpoint boto3 would use.
            """,
        examples: [
            "download https://sagemaker-sample-data-us-west-2.s3-us-west-2.amazonaws.com/autopilot/"
                + "direct_marketing/bank-additional.zip",
            "download s3://my-bucket/bank/train.csv to data/",
        ],
        risk: "downloads from the network")

    @Argument(.webURL) var url: String
    @Clause("to", .path) var destination: String?

    func run(in context: CommandContext) throws {
        let object = S3Location(url)
        if let object, object.isFolder {
            throw Diagnostic("\(url) is a folder, not an object", hint: "name an object in it: download \(url)FILE")
        }
        let parsed = URL(string: url)
        let fileName =
            object?.fileName
            ?? parsed.map {
                $0.lastPathComponent.isEmpty || $0.lastPathComponent == "/" ? "download" : $0.lastPathComponent
            }
            ?? "download"
        var target = destination ?? fileName
        var isFolder: ObjCBool = false
        if target.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: context.session.resolve(target), isDirectory: &isFolder)
                && isFolder.boolValue)
        {
            target = (target.hasSuffix("/") ? target : target + "/") + fileName
        }
        let destinationPath = context.session.resolve(target)
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: destinationPath)
        if !exists {
            try? fm.createDirectory(
                atPath: (destinationPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        if exists {
            context.note("\(target) is already here; not fetched again")
        } else if let object {
            let bytes = try context.download(object, to: destinationPath, label: fileName)
            context.note("downloaded \(Sizes.bytes(bytes)) from s3://\(object.bucket)")
        } else if let mirror = context.session.environment["PILOT_MIRROR"], !mirror.isEmpty,
            fm.fileExists(atPath: mirror + "/" + fileName)
        {
            context.note("copying \(fileName) from the mirror \(mirror)")
            try Self.copy(mirror + "/" + fileName, to: destinationPath, label: target, context: context)
        } else {
            guard let downloader = context.session.service((any Downloader).self) else {
                throw Diagnostic(
                    "this session cannot reach the network", hint: "set PILOT_MIRROR to a folder holding \(fileName)")
            }
            let interruption = context.interruption
            let bytes = try downloader.download(
                url, to: destinationPath, progress: context.progressReporter("download \(fileName)"),
                isCancelled: { interruption.isRaised })
            context.live?.endProgress()
            context.note("downloaded \(Sizes.bytes(bytes)) from \(parsed?.host ?? url)")
        }
        let (size, digest) = try Self.checksum(destinationPath, label: target)
        context.print("\(target): \(Sizes.exact(size))")
        context.print("sha256 \(digest)")
    }

    static func copy(_ source: String, to destination: String, label: String, context: CommandContext) throws {
        let partial = destination + ".part"
        do {
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.copyItem(atPath: source, toPath: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw Diagnostic(
                "cannot copy \(source) to \(label): \(error.localizedDescription)",
                hint: "check the free space and permissions of the workbook's folder")
        }
    }

    /// The size and SHA-256 (hex) of a file, read in pieces.
    static func checksum(_ path: String, label: String) throws -> (Int64, String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic("cannot read \(label)", hint: "check its permissions")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (size, hex)
    }
}

extension ValueParser where Value == String {
    /// An http(s), s3 (or file) URL.
    static var webURL: ValueParser {
        ValueParser(
            placeholder: "URL", kind: .url, expectation: "an http(s) or s3:// URL",
            example: "https://example.com/data.zip",
            advice: "e.g. download https://example.com/data.zip or download s3://my-bucket/data.csv"
        ) {
            if $0.lowercased().hasPrefix("s3://") { return S3Location($0) == nil ? nil : $0 }
            guard let scheme = URL(string: $0)?.scheme?.lowercased(), ["http", "https", "file"].contains(scheme)
            else { return nil }
            return $0
        }
    }
}
