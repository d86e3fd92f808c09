import Foundation

/// The folder beside a workbook that holds its images: `BOOK.assets/`, files named by the
/// SHA-256 of their content, so the same plot always has the same name and a re-run changes
/// nothing.
public struct AssetFolder: Sendable {
    /// The folder's path.
    public let path: String
    /// The folder's name, as image links in the workbook spell it (`tutorial.assets`).
    public let linkPrefix: String

    /// The asset folder of the workbook at `bookPath`.
    public init(bookPath: String) {
        let url = URL(fileURLWithPath: bookPath)
        var name = url.lastPathComponent
        if name.hasSuffix(".pilotbook") { name = String(name.dropLast(".pilotbook".count)) }
        linkPrefix = name + ".assets"
        path = url.deletingLastPathComponent().appendingPathComponent(linkPrefix).path
    }

    /// Stores an SVG image and returns its path relative to the workbook.
    public func store(svg: String) throws(WorkbookError) -> String {
        let bytes = Array(svg.utf8)
        let name = SourceHash.sha256Hex(bytes, digits: 16) + ".svg"
        let file = path + "/" + name
        if !FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw WorkbookError(.io, "cannot create \(path): \(error.localizedDescription)")
            }
            try AtomicFile.write(bytes, to: file)
        }
        return linkPrefix + "/" + name
    }

    /// Deletes the SVG files no output region links to, and the folder once it is empty.
    ///
    /// - Returns: the names of the files removed.
    @discardableResult
    public func removeUnreferenced(keeping linked: Set<String>) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".svg") && !linked.contains(linkPrefix + "/" + name) {
            if (try? FileManager.default.removeItem(atPath: path + "/" + name)) != nil { removed.append(name) }
        }
        if let rest = try? FileManager.default.contentsOfDirectory(atPath: path), rest.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
        }
        return removed
    }
}
