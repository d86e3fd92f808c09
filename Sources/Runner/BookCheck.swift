import Commands
import Foundation
import Kernel
import Workbook

/// `pilot check`: runs a workbook into a scratch copy and compares each cell's fresh output with
/// the output stored in the workbook, the way nbval checks notebooks. The workbook itself is not
/// written.
public struct BookCheck {
    /// One cell whose fresh output differs from its stored one.
    public struct Difference: Sendable, Equatable {
        public var cellID: String
        /// The line of the cell in the workbook.
        public var line: Int
        /// A unified diff from the stored output to the fresh one.
        public var diff: String
        /// Whether the stored output was already stale: the cell changed after it ran.
        public var wasStale: Bool
    }

    public struct Report: Sendable, Equatable {
        public var path: String
        public var cellCount: Int
        public var differences: [Difference]
        public var passed: Bool { differences.isEmpty }

        /// The one-line verdict teachers read.
        public var verdict: String {
            if passed {
                return cellCount == 1
                    ? "ok: \(path): 1 cell matches its stored output"
                    : "ok: \(path): \(cellCount) cells match their stored outputs"
            }
            let cells = cellCount == 1 ? "1 cell" : "\(cellCount) cells"
            return "FAILED: \(path): \(differences.count) of \(cells) differ from the stored outputs"
        }
    }

    public let bookPath: String
    public let kernel: Kernel
    public let parameters: [(String, String)]
    public let environment: [String: String]
    public let services: [any Sendable]
    public let live: (any LiveDisplay)?

    public init(
        bookPath: String, kernel: Kernel = .standard, parameters: [(String, String)] = [],
        environment: [String: String] = [:], services: [any Sendable] = [],
        live: (any LiveDisplay)? = nil
    ) {
        self.bookPath = bookPath
        self.kernel = kernel
        self.parameters = parameters
        self.environment = environment
        self.services = services
        self.live = live
    }

    /// Runs the scratch copy and compares.
    public func run(onEvent: (RunEvent) -> Void = { _ in }) throws(RunnerError) -> Report {
        let stored: Workbook
        do {
            stored = try BookFile(path: bookPath).workbook
        } catch {
            throw .workbook(error)
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("pilot-check-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copyPath = scratch.appendingPathComponent(URL(fileURLWithPath: bookPath).lastPathComponent).path

        let runner = try BookRunner(
            bookPath: bookPath, outputPath: copyPath, kernel: kernel, parameters: parameters,
            environment: environment, services: services,
            live: live)
        _ = try runner.runAll(keepGoing: true, onEvent: onEvent)
        let fresh = runner.workbook

        var differences: [Difference] = []
        for cell in fresh.cells {
            guard let id = cell.id else { continue }
            let now = fresh.output(forCell: id)?.normalizedText ?? ""
            let before = stored.output(forCell: id)?.normalizedText ?? ""
            if now == before { continue }
            let diff = UnifiedDiff.make(
                old: before, new: now, oldLabel: "stored output of '\(id)'",
                newLabel: "output of '\(id)' now")
            let storedCell = stored.cells.first { $0.id == id }
            let wasStale = stored.output(forCell: id).map { $0.isStale(for: cell) } ?? false
            differences.append(
                Difference(cellID: id, line: storedCell?.line ?? cell.line, diff: diff, wasStale: wasStale))
        }
        return Report(path: bookPath, cellCount: fresh.cells.count, differences: differences)
    }
}
