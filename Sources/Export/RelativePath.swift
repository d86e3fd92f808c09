import Foundation

/// Paths between an exported file and the workbook it came from.
public enum RelativePath {
    /// What to put before a path relative to the folder of `bookPath` so that it resolves from
    /// the folder of `outputPath`: `""` when both are in one folder, else a relative folder
    /// path ending in `/` (`"../workbooks/"`).
    public static func prefix(from outputPath: String, to bookPath: String) -> String {
        let from = folderComponents(outputPath)
        let to = folderComponents(bookPath)
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    private static func folderComponents(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        return url.pathComponents.filter { $0 != "/" }
    }
}
