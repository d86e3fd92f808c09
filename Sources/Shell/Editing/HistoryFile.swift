import Foundation

/// Where the shell keeps its history between sessions.
///
/// `PILOT_HISTORY` names the file outright (tests use it); otherwise it is `pilot/history` under
/// the user's data directory: `$XDG_DATA_HOME`, or `~/.local/share`.
enum HistoryFile {
    static func path(environment: [String: String]) -> String? {
        if let path = environment["PILOT_HISTORY"], !path.isEmpty { return path }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            data = home + "/.local/share"
        } else {
            return nil
        }
        return data + "/pilot/history"
    }

    /// Makes the folder the history file goes into.
    static func prepareFolder(for path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}
