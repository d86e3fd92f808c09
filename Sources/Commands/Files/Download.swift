import Crypto
import Diagnostics
import Foundation
import Kernel

/// `download URL [to PATH]`: a file from the network, or from PILOT_MIRROR.
struct Download: CellCommand {
    static let configuration = CommandConfiguration(
        "download", area: .files, summary: "fetch a file over HTTP(S); PILOT_MIRROR is searched first",
        discussion: """
            The file is saved under its own name in the workbook's folder (or at PATH), and its size and SHA-256 \
            are shown so everyone can check they have the same data. A file already there is not fetched again. \
            Set PILOT_MIRROR to a folder to use local copies, looked up by file name, instead of the network.
            """,
        examples: [
            "download https://sagemaker-sample-data-us-west-2.s3-us-west-2.amazonaws.com/autopilot/"
                + "direct_marketing/bank-additional.zip"
        ],
        risk: "downloads from the network")

    @Argument(.webURL) var url: String
    @Clause("to", .path) var destination: String?

    func run(in context: CommandContext) throws {
        let parsed = URL(string: url)!
        let fileName =
            parsed.lastPathComponent.isEmpty || parsed.lastPathComponent == "/" ? "download" : parsed.lastPathComponent
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
        if fm.fileExists(atPath: destinationPath) {
            context.note("\(target) is already here; not fetched again")
        } else {
            try? fm.createDirectory(
                atPath: (destinationPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let mirror = context.session.environment["PILOT_MIRROR"], !mirror.isEmpty,
                fm.fileExists(atPath: mirror + "/" + fileName)
            {
                context.note("copying \(fileName) from the mirror \(mirror)")
                try Self.copy(mirror + "/" + fileName, to: destinationPath, label: target, context: context)
            } else {
                guard let downloader = context.session.service((any Downloader).self) else {
                    throw Diagnostic(
                        "this session cannot reach the network",
                        hint: "set PILOT_MIRROR to a folder holding \(fileName)")
                }
                let live = context.live
                let interruption = context.interruption
                let bytes = try downloader.download(
                    url, to: destinationPath,
                    progress: { received, total in
                        live?.progress(
                            "download \(fileName)", fraction: total.map { Double(received) / Double(max(1, $0)) },
                            detail: Sizes.bytes(received))
                    }, isCancelled: { interruption.isRaised })
                context.live?.endProgress()
                context.note("downloaded \(Sizes.bytes(bytes)) from \(parsed.host ?? url)")
            }
        }
        let (size, digest) = try Self.checksum(destinationPath, label: target)
        context.print("\(target): \(Sizes.grouped(Int(size))) bytes (\(Sizes.bytes(size)))")
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
    /// An http(s) (or file) URL.
    static var webURL: ValueParser {
        ValueParser(
            placeholder: "URL", kind: .url, expectation: "an http(s) URL",
            example: "https://example.com/data.zip", advice: "e.g. download https://example.com/data.zip"
        ) {
            guard let scheme = URL(string: $0)?.scheme?.lowercased(), ["http", "https", "file"].contains(scheme)
            else { return nil }
            return $0
        }
    }
}
