import Export
import Foundation
import TestSupport
import Workbook

/// The workbooks the export tests read: a small one made to show every case (prose, outputs,
/// a plot, a failure, a stale output, an interrupted and a not-run cell, Japanese text), and
/// the tutorial.
enum ExportFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Fixtures/small.pilotbook`, with its `small.assets/` folder.
    static let smallPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/small.pilotbook").path

    /// `workbooks/autopilot-tutorial.pilotbook`, with its plots.
    static let tutorialPath = repository.appendingPathComponent("workbooks/autopilot-tutorial.pilotbook").path

    /// The export of the workbook at `path`.
    static func export(_ path: String, to format: ExportFormat, imagePrefix: String = "") throws -> String {
        let file = try BookFile(path: path)
        return BookExporter(workbook: file.workbook, bookPath: path).render(format, imagePrefix: imagePrefix)
    }

    /// A folder that outlives the test run, for files a person may want to look at afterwards
    /// (screenshots): `.build/export-tests/NAME`.
    static func keptFolder(_ name: String) -> String {
        let url = repository.appendingPathComponent(".build/export-tests/\(name)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
