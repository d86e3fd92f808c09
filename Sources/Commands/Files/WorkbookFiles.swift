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
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw Diagnostic(
                "cannot write \(path): \(error.localizedDescription)",
                hint: "check that the folder exists and is writable")
        }
    }
}
