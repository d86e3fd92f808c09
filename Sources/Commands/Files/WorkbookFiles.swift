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
        try makeFolders(for: path, context: context)
        let url = URL(fileURLWithPath: context.session.resolve(path))
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
        try makeFolders(for: path, context: context)
        let url = URL(fileURLWithPath: context.session.resolve(path))
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw Diagnostic(
                "cannot write \(path): \(error.localizedDescription)",
                hint: "check that the folder exists and is writable")
        }
    }

    /// Makes the folders `path` goes in, one at a time from the top, so that a failure names the
    /// folder as the user wrote it and the system's reason (Foundation's message names neither).
    private static func makeFolders(for path: String, context: CommandContext) throws {
        var folder = ""
        for part in ((path as NSString).deletingLastPathComponent as NSString).pathComponents {
            folder = folder.isEmpty ? part : (folder as NSString).appendingPathComponent(part)
            // With a slash `~` resolves to the home folder, as in `~/out/t.csv`.
            let place = context.session.resolve(folder + "/")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: place, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw Diagnostic(
                        "cannot write \(path): \(folder) is a file, not a folder",
                        hint: "choose another name for the file or for the folder")
                }
                continue
            }
            guard mkdir(place, 0o777) == 0 || errno == EEXIST else {
                throw Diagnostic(
                    "cannot write \(path): cannot make the folder \(folder) (\(String(cString: strerror(errno))))",
                    hint: "choose a folder you can write to")
            }
        }
    }
}
