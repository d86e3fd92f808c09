import Diagnostics
import Foundation
import Frames
import Kernel

extension Session {
    /// The frame called `name`.
    ///
    /// - Throws: ``Diagnostic`` naming the closest frame, or saying how to make one.
    public func frame(_ name: String) throws -> Frame {
        try frameValue(name).frame
    }

    func frameValue(_ name: String) throws -> FrameValue {
        if let value = values[name] as? FrameValue { return value }
        let frames = values.filter { $0.value is FrameValue }.keys.sorted()
        if let other = values[name] {
            throw Diagnostic(
                "'\(name)' is \(article(other.kind)) \(other.kind), not a frame",
                hint: frames.isEmpty
                    ? "load a file first: load FILE as NAME" : "frames: " + frames.joined(separator: ", "))
        }
        throw Diagnostic(
            "no frame named '\(name)'",
            hint: Suggestion.hint(for: name, in: frames)
                ?? (frames.isEmpty
                    ? "load a file first: load FILE as \(name)" : "frames: " + frames.joined(separator: ", ")))
    }

    private func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }
}

extension Frame {
    /// The column called `name`.
    ///
    /// - Throws: ``Diagnostic`` with the closest column name.
    func requireColumn(_ name: String, in frameName: String) throws -> Column {
        if let column = column(named: name) { return column }
        throw Diagnostic(
            "no column named '\(name)' in frame '\(frameName)'",
            hint: Suggestion.hint(for: name, in: columnNames) ?? "columns: " + columnNames.joined(separator: ", "))
    }
}

extension CommandContext {
    /// Stores a result frame made by a command's `into NAME`, and says so.
    func keep(_ frame: Frame, as name: String, origin: String) {
        session.store(FrameValue(frame, origin: origin), as: name)
        print("kept as frame '\(name)': \(Sizes.shape(frame))")
    }
}
