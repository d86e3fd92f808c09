import Archives
import Crypto
import Foundation
import TextLayout

/// `download`, `unzip` and `sh`.
enum FileCommands {
    static let all: [Command] = [download, unzip, ShellCommand.command]

    static let download = Command(
        "download", area: .files, usage: "download URL [to PATH]",
        summary: "fetch a file over HTTP(S); PILOT_MIRROR is searched first",
        discussion: """
        The file is saved under its own name in the workbook's folder (or at PATH), and its size and SHA-256 \
        are shown so everyone can check they have the same data. A file already there is not fetched again. \
        Set PILOT_MIRROR to a folder to use local copies, looked up by file name, instead of the network.
        """,
        examples: ["download https://sagemaker-sample-data-us-west-2.s3-us-west-2.amazonaws.com/autopilot/direct_marketing/bank-additional.zip"],
        risk: { _ in "downloads from the network" }
    ) { line, context throws(KernelError) in
        let words = line.words
        guard words.count == 1 || (words.count == 3 && words[1] == "to") else {
            throw context.commands["download"]!.usageError("download takes a URL, optionally 'to PATH'")
        }
        let url = words[0]
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              ["http", "https", "file"].contains(scheme) else {
            throw KernelError("'\(url)' is not an http(s) URL", hint: "e.g. download https://example.com/data.zip")
        }
        let fileName = parsed.lastPathComponent.isEmpty || parsed.lastPathComponent == "/" ? "download" : parsed.lastPathComponent
        var target = words.count == 3 ? words[2] : fileName
        var isFolder: ObjCBool = false
        if target.hasSuffix("/") || (FileManager.default.fileExists(atPath: context.session.resolve(target), isDirectory: &isFolder)
                                     && isFolder.boolValue) {
            target = (target.hasSuffix("/") ? target : target + "/") + fileName
        }
        let destination = context.session.resolve(target)
        let fm = FileManager.default
        if fm.fileExists(atPath: destination) {
            context.note("\(target) is already here; not fetched again")
        } else {
            try? fm.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let mirror = context.session.environment["PILOT_MIRROR"], !mirror.isEmpty,
               fm.fileExists(atPath: mirror + "/" + fileName) {
                context.note("copying \(fileName) from the mirror \(mirror)")
                try copy(mirror + "/" + fileName, to: destination, label: target, context: context)
            } else {
                guard let downloader = context.session.downloader else {
                    throw KernelError("this session cannot reach the network", hint: "set PILOT_MIRROR to a folder holding \(fileName)")
                }
                let live = context.live
                let interruption = context.interruption
                let bytes = try downloader.download(url, to: destination, progress: { received, total in
                    live?.progress("download \(fileName)", fraction: total.map { Double(received) / Double(max(1, $0)) },
                                   detail: Sizes.bytes(received))
                }, isCancelled: { interruption.isRaised })
                context.live?.endProgress()
                context.note("downloaded \(Sizes.bytes(bytes)) from \(parsed.host ?? url)")
            }
        }
        let (size, digest) = try checksum(destination, label: target)
        context.print("\(target): \(Sizes.grouped(Int(size))) bytes (\(Sizes.bytes(size)))")
        context.print("sha256 \(digest)")
    }

    static func copy(_ source: String, to destination: String, label: String, context: CommandContext) throws(KernelError) {
        let partial = destination + ".part"
        do {
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.copyItem(atPath: source, toPath: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw KernelError("cannot copy \(source) to \(label): \(error.localizedDescription)",
                              hint: "check the free space and permissions of the workbook's folder")
        }
    }

    /// The size and SHA-256 (hex) of a file, read in pieces.
    static func checksum(_ path: String, label: String) throws(KernelError) -> (Int64, String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KernelError("cannot read \(label)", hint: "check its permissions")
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

    static let unzip = Command(
        "unzip", area: .files, usage: "unzip ZIP [to DIR]",
        summary: "extract a zip archive, skipping archive litter such as __MACOSX/",
        discussion: "Files already extracted (same size) are left alone. Entries that would land outside DIR are refused.",
        examples: ["unzip bank-additional.zip"],
        risk: { line in
            let words = line.words
            return words.count == 3 && Kernel.Risk.leavesFolder(words[2]) ? "writes files outside the workbook's folder (\(words[2]))" : nil
        }
    ) { line, context throws(KernelError) in
        let words = line.words
        guard words.count == 1 || (words.count == 3 && words[1] == "to") else {
            throw context.commands["unzip"]!.usageError("unzip takes an archive, optionally 'to DIR'")
        }
        let folder = words.count == 3 ? words[2] : "."
        let extraction: ZipFile.Extraction
        do throws(ArchiveError) {
            let archive = try ZipFile(path: context.session.resolve(words[0]), displayName: words[0])
            let interruption = context.interruption
            extraction = try archive.extractAll(to: context.session.resolve(folder), folderDisplayName: folder,
                                                isCancelled: { interruption.isRaised })
        } catch {
            var failure = KernelError(error.source + ": " + error.message, hint: error.hint)
            if error.message == "no such file" { failure.hint = FileHints.missing(words[0], in: context.session) ?? error.hint }
            throw failure
        }
        try context.checkInterruption()
        let files = (extraction.extracted + extraction.alreadyPresent).sorted { $0.path < $1.path }
        if !extraction.alreadyPresent.isEmpty {
            context.note("\(extraction.alreadyPresent.count) file(s) were already extracted and left alone")
        }
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let table = TextTable(columns: [.init("file"), .init("size", alignment: .right)],
                              rows: files.map { [prefix + $0.path, Sizes.bytes(Int64($0.size))] })
        context.print("\(words[0]): \(files.count) file\(files.count == 1 ? "" : "s")")
        context.print(table.render(maxWidth: context.width))
        if !extraction.skippedLitter.isEmpty {
            let kinds = Set(extraction.skippedLitter.map(litterKind)).sorted()
            context.print("skipped \(extraction.skippedLitter.count) archive litter entries (\(kinds.joined(separator: ", ")))")
        }
    }

    static func litterKind(_ path: String) -> String {
        if path.hasPrefix("__MACOSX") { return "__MACOSX/" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix("._") ? "._*" : name
    }
}
