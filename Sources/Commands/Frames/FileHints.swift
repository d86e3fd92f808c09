import Diagnostics
import Foundation
import Kernel

/// Hints for paths that do not exist: the closest file in the same folder.
enum FileHints {
    static func missing(_ path: String, in session: Session) -> String? {
        let full = session.resolve(path)
        let folder = (full as NSString).deletingLastPathComponent
        let name = (full as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return
                "the folder \((path as NSString).deletingLastPathComponent) does not exist; paths are relative to "
                + "the workbook's folder"
        }
        if let close = Suggestion.closest(to: name, in: names.filter { !$0.hasPrefix(".") }) {
            let prefix = (path as NSString).deletingLastPathComponent
            return "did you mean '\(prefix.isEmpty ? close : prefix + "/" + close)'?"
        }
        return "paths are relative to the workbook's folder; download or unzip the file first"
    }
}
