import Foundation

/// Snapshot files for tests: what users see (messages, tables, whole workbooks) pinned in files
/// beside the test that checks them, in a `Snapshots` folder.
///
/// Run the tests with `PILOT_RECORD=1` to write the current output as the new snapshots, then
/// review the change with `git diff` before committing it.
public enum Snapshot {
    /// The stored snapshot `name` next to the calling test file; records `actual` first when
    /// recording. Returns `nil` when there is no snapshot yet (and says how to make one).
    public static func expected(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PILOT_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(Data("no snapshot \(url.path): run with PILOT_RECORD=1 to record it\n".utf8))
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A scratch folder for one test, removed when the value goes away.
public final class ScratchFolder {
    public let path: String

    public init(_ label: String = "test") {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) -> String {
        write(Array(text.utf8), to: name)
    }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) -> String {
        let path = file(name)
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// The text of `name`.
    public func read(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: file(name)) ?? Data(), as: UTF8.self)
    }

    /// The bytes of `name`.
    public func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: file(name)) ?? Data())
    }
}
