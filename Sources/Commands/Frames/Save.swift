import Foundation
import Frames
import Kernel

/// `save FRAME to PATH`: a frame as CSV.
struct Save: CellCommand {
    static let configuration = CommandConfiguration(
        "save", area: .frames, summary: "write a frame as CSV (tab-separated for .tsv)",
        examples: ["save stats to stats.csv"], risk: "writes a file outside the workbook's folder")

    @Argument(.frame) var frame: String
    @Clause("to", .path) var path: String

    func risk() -> String? {
        Kernel.Risk.leavesFolder(path) ? "writes a file outside the workbook's folder (\(path))" : nil
    }

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let separator: UInt8 = path.hasSuffix(".tsv") ? 0x09 : 0x2C
        // Written a few thousand rows at a time: a large frame's text is never whole in memory.
        let size = try WorkbookFiles.writeCSV(data, to: path, separator: separator, context: context)
        context.print("saved \(frame) to \(path): \(Sizes.shape(data)), \(Sizes.bytes(size))")
    }
}
