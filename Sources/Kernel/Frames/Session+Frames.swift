import Foundation
import Frames

extension Session {
    /// The frame called `name`.
    ///
    /// - Throws: ``KernelError`` naming the closest frame, or saying how to make one.
    public func frame(_ name: String) throws(KernelError) -> Frame {
        try frameValue(name).frame
    }

    func frameValue(_ name: String) throws(KernelError) -> FrameValue {
        if let value = values[name] as? FrameValue { return value }
        let frames = values.filter { $0.value is FrameValue }.keys.sorted()
        if let other = values[name] {
            throw KernelError("'\(name)' is \(article(other.kind)) \(other.kind), not a frame",
                              hint: frames.isEmpty ? "load a file first: load FILE as NAME" : "frames: " + frames.joined(separator: ", "))
        }
        throw KernelError("no frame named '\(name)'",
                          hint: Suggestion.hint(for: name, in: frames)
                            ?? (frames.isEmpty ? "load a file first: load FILE as \(name)" : "frames: " + frames.joined(separator: ", ")))
    }

    /// The path of `path` relative to the working directory (absolute paths stay as they are).
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst(1)
        }
        return URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    private func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }
}

extension Frame {
    /// The column called `name`.
    ///
    /// - Throws: ``KernelError`` with the closest column name.
    func requireColumn(_ name: String, in frameName: String) throws(KernelError) -> Column {
        if let column = column(named: name) { return column }
        throw KernelError("no column named '\(name)' in frame '\(frameName)'",
                          hint: Suggestion.hint(for: name, in: columnNames) ?? "columns: " + columnNames.joined(separator: ", "))
    }
}
