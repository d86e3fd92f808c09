import Crypto
import Foundation
import Workbook

/// The workbooks this user trusts to run risky cells (`sh`, downloads, deploys, deletions),
/// kept in a local file: one line per trusted version, `sha256:DIGEST PATH`.
///
/// A version is the digest of the workbook's code (its cells' sources in order): prose and
/// stored outputs do not change it, so running a trusted workbook keeps it trusted, and pilot
/// records the new digest when it saves the user's own edits (see ``BookRunner/keepsTrust``).
/// `PILOT_TRUST_STORE` names the file outright (tests use it); otherwise it is `pilot/trusted`
/// under the user's data directory: `$XDG_DATA_HOME`, or `~/.local/share`.
public struct TrustStore: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The store for this user, or `nil` when there is no home folder to keep it in.
    public static func standard(environment: [String: String]) -> TrustStore? {
        if let path = environment["PILOT_TRUST_STORE"], !path.isEmpty { return TrustStore(path: path) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return TrustStore(path: xdg + "/pilot/trusted")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return TrustStore(path: home + "/.local/share/pilot/trusted")
        }
        return nil
    }

    /// The digest trust is keyed by: SHA-256 of the cells' sources, each ended by a NUL.
    public static func digest(of workbook: Workbook) -> String {
        var hash = SHA256()
        for cell in workbook.cells {
            hash.update(data: Data(cell.source.utf8))
            hash.update(data: Data([0]))
        }
        return "sha256:" + hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Whether this version of the workbook was trusted.
    public func trusts(_ workbook: Workbook) -> Bool {
        let digest = Self.digest(of: workbook)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains {
            $0.split(separator: " ", maxSplits: 1).first.map(String.init) == digest
        }
    }

    /// Records this version of the workbook (at `bookPath`, for the reader of the file) as trusted.
    public func trust(_ workbook: Workbook, bookPath: String) throws(RunnerError) {
        guard !trusts(workbook) else { return }
        let line = Self.digest(of: workbook) + " " + URL(fileURLWithPath: bookPath).standardizedFileURL.path + "\n"
        do {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
        } catch {
            throw .trustStore(path: path, reason: error.localizedDescription)
        }
    }
}
