import Foundation

/// The built `pilot` executable the end-to-end tests run.
public enum PilotBinary {
    /// `PILOT_BINARY` when set, else the `pilot` beside the test bundle (`swift build` puts both
    /// in one folder), else `.build/debug/pilot` in the repository.
    public static let path: String = {
        if let path = ProcessInfo.processInfo.environment["PILOT_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("pilot").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.appendingPathComponent(".build/debug/pilot").path
    }()
}
