import Diagnostics
import Foundation
import Frames
import Kernel

/// Files a command writes beside the workbook (reports, generated workbooks, CSV files): paths
/// relative to the workbook's folder, written atomically, their folders made.
enum WorkbookFiles {
    /// Writes a generated file beside the workbook, atomically.
    static func write(_ text: String, to path: String, context: CommandContext) throws {
        try write(Array(text.utf8), to: path, context: context)
    }

    /// Writes `frame` as CSV to `path` (relative to the workbook's folder), a few thousand rows
    /// at a time, atomically, making its folder; returns the bytes written.
    @discardableResult
    static func writeCSV(
        _ frame: Frame, to path: String, separator: UInt8 = 0x2C, context: CommandContext
    ) throws -> Int64 {
        let url = URL(fileURLWithPath: context.session.resolve(path))
        try makeFolder(of: url, for: path)
        do {
            try CSVWriter.write(frame, toFile: url.path, separator: separator)
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber
            return size?.int64Value ?? 0
        } catch let error as CSVWriteError {
            throw Diagnostic("cannot write \(path): \(error.reason)", hint: "check that the folder is writable")
        } catch {
            throw Diagnostic(
                "cannot write \(path): \(error.localizedDescription)", hint: "check that the folder is writable")
        }
    }

    /// Writes `bytes` to `path` (relative to the workbook's folder), atomically, making its folder.
    static func write(_ bytes: [UInt8], to path: String, context: CommandContext) throws {
        let url = URL(fileURLWithPath: context.session.resolve(path))
        try makeFolder(of: url, for: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw Diagnostic(
                "cannot write \(path): \(error.localizedDescription)",
                hint: "check that the folder exists and is writable")
        }
    }

    /// Makes the folder `url` goes in (and the folders above it), saying which one could not be
    /// made and why: Foundation's own message names neither.
    private static func makeFolder(of url: URL, for path: String) throws {
        let folder = url.deletingLastPathComponent()
        let shown = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw Diagnostic(
                    "cannot write \(path): \(shown) is a file, not a folder",
                    hint: "choose another name for the file or for the folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            // The first folder missing on the way down is the one that could not be made.
            var missing = folder
            while !FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path),
                missing.pathComponents.count > 1
            {
                missing = missing.deletingLastPathComponent()
            }
            let reason = mkdir(missing.path, 0o777) == 0 ? error.localizedDescription : String(cString: strerror(errno))
            // Shown as the user wrote the path: relative to the workbook's folder if it was.
            let base = url.path.hasSuffix(path) ? String(url.path.dropLast(path.count)) : ""
            let named =
                base.isEmpty || !missing.path.hasPrefix(base)
                ? missing.path : String(missing.path.dropFirst(base.count))
            throw Diagnostic(
                "cannot write \(path): cannot make the folder \(named) (\(reason))",
                hint: "choose a folder you can write to")
        }
    }
}
