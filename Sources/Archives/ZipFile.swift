import Foundation
import ZIPFoundation

/// A zip archive: what it holds, extracting it safely, and reading one member into memory.
///
/// Archive litter that real downloads carry (`__MACOSX/`, `.DS_Store`, AppleDouble `._*` files,
/// `.Rhistory`, `Thumbs.db`) is skipped and reported; an entry whose path would land outside
/// the target folder is refused, and then nothing is extracted.
public struct ZipFile {
    /// One file in the archive.
    public struct Member: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var isDirectory: Bool
    }

    /// What an extraction did.
    public struct Extraction: Sendable, Equatable {
        public var extracted: [Member] = []
        public var skippedLitter: [String] = []
        public var alreadyPresent: [Member] = []
    }

    public let path: String
    public let displayName: String
    private let archive: Archive

    /// Opens the archive at `path`.
    public init(path: String, displayName: String) throws(ArchiveError) {
        self.path = path
        self.displayName = displayName
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError(
                "no such file", hint: "check the path, or download it first", source: displayName,
                code: .noSuchFile)
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ArchiveError(
                "this is not a zip archive (or it is damaged)",
                hint: "check that the download finished; a .gz file loads directly", source: displayName)
        }
    }

    /// Every entry, in archive order.
    public var members: [Member] {
        archive.map { Member(path: $0.path, size: Int($0.uncompressedSize), isDirectory: $0.type == .directory) }
    }

    /// Whether a path is archive litter rather than content.
    public static func isLitter(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        if components.first == "__MACOSX" { return true }
        guard let name = components.last else { return false }
        return name == ".DS_Store" || name.hasPrefix("._") || name == ".Rhistory" || name == "Thumbs.db"
            || name == "desktop.ini"
    }

    /// Extracts every member except litter into `folder` (created if needed).
    ///
    /// Files that already exist with the same size are left alone and reported as present.
    /// - Throws: ``ArchiveError`` when an entry would escape `folder` (nothing is extracted then),
    ///   or when a member cannot be written.
    public func extractAll(
        to folder: String, folderDisplayName: String, isCancelled: () -> Bool = { false }
    )
        throws(ArchiveError) -> Extraction
    {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var plan: [(Entry, URL)] = []
        var result = Extraction()
        for entry in archive {
            if ZipFile.isLitter(entry.path) { result.skippedLitter.append(entry.path); continue }
            let target = root.appendingPathComponent(entry.path).standardizedFileURL
            guard target.path == root.path || target.path.hasPrefix(root.path + "/"), entry.type != .symlink else {
                throw ArchiveError(
                    "refused to extract '\(entry.path)': it would land outside \(folderDisplayName)",
                    hint: "this archive is unsafe; nothing was extracted", source: displayName)
            }
            plan.append((entry, target))
        }
        for (entry, target) in plan {
            let member = Member(
                path: entry.path, size: Int(entry.uncompressedSize), isDirectory: entry.type == .directory)
            if entry.type == .directory {
                try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            if let size = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.size] as? Int,
                size == member.size
            {
                result.alreadyPresent.append(member)
                continue
            }
            if isCancelled() { break }
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let partial = target.deletingLastPathComponent().appendingPathComponent(
                    "." + target.lastPathComponent + ".part")
                try? FileManager.default.removeItem(at: partial)
                _ = try archive.extract(entry, to: partial)
                if FileManager.default.fileExists(atPath: target.path) {
                    try FileManager.default.removeItem(at: target)
                }
                try FileManager.default.moveItem(at: partial, to: target)
            } catch {
                throw ArchiveError(
                    "cannot extract '\(entry.path)': \(error.localizedDescription)",
                    hint: "check the free space and permissions of \(folderDisplayName)", source: displayName)
            }
            result.extracted.append(member)
        }
        return result
    }

    /// The bytes of one member, read into memory.
    ///
    /// - Throws: ``ArchiveError`` naming the closest member when there is no such one.
    public func read(member name: String) throws(ArchiveError) -> [UInt8] {
        guard let entry = archive[name], entry.type == .file else {
            let files = members.filter { !$0.isDirectory && !ZipFile.isLitter($0.path) }.map(\.path)
            let close = files.min { editDistance($0, name) < editDistance($1, name) }
            throw ArchiveError(
                "no member '\(name)' in the archive",
                hint: close.map { "did you mean '\($0)'? it holds: \(files.joined(separator: ", "))" }
                    ?? "the archive is empty", source: displayName)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
        } catch {
            throw ArchiveError(
                "cannot read '\(name)': the archive is damaged",
                hint: "download it again", source: displayName)
        }
        return bytes
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
