import Commands
import Diagnostics
import Foundation
import Kernel
import Workbook

/// Runs a workbook's cells through a kernel session and writes each cell's output back into the
/// workbook, saving after every cell so that an interrupted run keeps what it finished.
///
/// ```swift
/// let runner = try BookRunner(bookPath: "tutorial.pilotbook")
/// let summary = try runner.runAll { event in print(event) }
/// ```
public final class BookRunner {
    /// The workbook being run, as it stands now (outputs of the cells run so far included).
    public internal(set) var workbook: Workbook
    /// The session cells run in.
    public let session: Session
    public let kernel: Kernel
    /// Raise it to stop the running cell and the run.
    public let interruption: Interruption
    /// Where outputs are saved: the workbook, `--output`, or, once the file changed on disk and
    /// was kept, `NAME.conflict.pilotbook`.
    public private(set) var destination: BookFile
    private let assets: AssetFolder
    /// The terminal's notes and progress, never stored.
    public let live: (any LiveDisplay)?
    /// Asked, with the file's path, when the file changed on disk since pilot read or last
    /// saved it: `true` overwrites it; `false` (or no one to ask) leaves it and writes this
    /// run's version beside it as `NAME.conflict.pilotbook`.
    public var overwriteChangedFile: ((String) -> Bool)?
    /// Whether cells with risky lines (``RiskyCell``) are refused: a workbook nobody trusted.
    /// Cells the user typed or edited in this session (``approve(_:)``) still run.
    public var refusesRiskyCells = false
    /// The store that trusted this workbook: every save records the new version, so the user's
    /// own edits keep it trusted. `nil` when trust came from `--trust` (this run only) or not at all.
    public var keepsTrust: TrustStore?
    /// Cells the user wrote in this session, which run even when risky cells are refused.
    private(set) var approved: Set<String> = []
    /// The code digest last recorded in ``keepsTrust``.
    private var recordedDigest: String?

    /// Prepares to run the workbook at `bookPath`.
    ///
    /// - Parameters:
    ///   - outputPath: where to write the run; `nil` writes back into the workbook itself.
    ///   - parameters: `--param` values, defined in the session before the first cell.
    /// - Throws: ``WorkbookError`` when the workbook cannot be read or parsed, or a parameter is
    ///   invalid; nothing is written then.
    public init(
        bookPath: String, outputPath: String? = nil, kernel: Kernel = .standard,
        parameters: [(String, String)] = [], interruption: Interruption = Interruption(),
        environment: [String: String] = [:], services: [any Sendable] = [], live: (any LiveDisplay)? = nil
    )
        throws(RunnerError)
    {
        let source: BookFile
        do {
            source = try BookFile(path: bookPath)
        } catch {
            throw .workbook(error)
        }
        var workbook = source.workbook
        workbook.assignMissingIDs()
        self.workbook = workbook
        self.kernel = kernel
        self.interruption = interruption
        let folder = URL(fileURLWithPath: bookPath).deletingLastPathComponent().path
        session = Session(
            workingDirectory: folder, settings: Setting.workbook, environment: environment, services: services)
        self.live = live
        for (name, value) in parameters {
            do {
                try session.define(parameter: name, value: value)
            } catch {
                throw .parameter(name: name, error)
            }
        }
        if let outputPath {
            destination = BookFile(overwriting: outputPath, with: workbook)
        } else {
            destination = source
        }
        assets = AssetFolder(bookPath: destination.path)
    }

    /// The result of running the whole workbook.
    public struct Summary: Sendable, Equatable {
        public var cellsRun = 0
        public var failed: [String] = []
        public var interrupted: String?
        public var skipped = 0
        public var succeeded: Bool { failed.isEmpty && interrupted == nil }
    }

    /// Runs every cell in order, saving after each.
    ///
    /// - Parameters:
    ///   - keepGoing: go on after a failed cell instead of stopping there.
    ///   - onEvent: told when a cell starts and ends, and of each output block as it appears.
    /// - Throws: ``RunnerError`` when the workbook cannot be saved; what was saved before stays.
    public func runAll(keepGoing: Bool = false, onEvent: (RunEvent) -> Void = { _ in }) throws(RunnerError) -> Summary {
        var summary = Summary()
        let ids = workbook.cells.compactMap(\.id)
        for (index, id) in ids.enumerated() {
            let result = try run(cell: id, position: index + 1, of: ids.count, onEvent: onEvent)
            summary.cellsRun += 1
            switch result.status {
            case .ok: break
            case .error: summary.failed.append(id)
            case .interrupted: summary.interrupted = id
            }
            if result.status == .interrupted || (result.status == .error && !keepGoing) {
                summary.skipped = ids.count - index - 1
                break
            }
        }
        return summary
    }

    /// Runs one cell and saves its output.
    @discardableResult
    public func run(
        cell id: String, position: Int = 1, of total: Int = 1,
        onEvent: (RunEvent) -> Void = { _ in }
    ) throws(RunnerError) -> Kernel.CellResult {
        guard let cell = workbook.cell(withID: id) else { preconditionFailure("no cell '\(id)'") }
        if refusesRiskyCells, !approved.contains(id) {
            let risks = kernel.risks(in: cell.source)
            if !risks.isEmpty { throw .untrusted(cell: id, risks: risks) }
        }
        onEvent(.cellStarted(id: id, position: position, total: total, source: cell.source))
        let started = ContinuousClock.now
        interruption.clear()
        let result = withoutActuallyEscaping(onEvent) { onEvent in
            kernel.run(cell: cell.source, in: session, interruption: interruption, live: live) { block in
                onEvent(.output(id: id, block))
            }
        }
        var items: [OutputItem] = []
        for block in result.blocks {
            switch block {
            case .text(let text):
                items.append(.text(text))
            case .image(let svg, let alt):
                do {
                    items.append(.image(path: try assets.store(svg: svg), alt: alt))
                } catch {
                    throw .workbook(error)
                }
            case .diagnostic(let diagnostic):
                items.append(.error(diagnostic.rendered + "\n"))
            }
        }
        let status = OutputStatus(rawValue: result.status.rawValue)!
        let region = OutputRegion(
            cellID: id, status: status, sourceHash: cell.sourceHash, items: items,
            lineEnding: workbook.lineEnding)
        workbook.setOutput(region)
        try save()
        onEvent(
            .cellFinished(
                id: id, position: position, total: total, status: result.status,
                duration: ContinuousClock.now - started))
        return result
    }

    /// Saves the workbook as it stands, then deletes images no output links to any more; when
    /// the file changed on disk meanwhile, writes this run's version beside it instead
    /// (`NAME.conflict.pilotbook`) so nothing is lost.
    public func save() throws(RunnerError) {
        do {
            try destination.save(workbook)
            assets.removeUnreferenced(keeping: workbook.imagePaths)
            keepTrust()
        } catch  where error.code == .changedOnDisk {
            if overwriteChangedFile?(destination.path) == true {
                do {
                    try destination.forceSave(workbook)
                    assets.removeUnreferenced(keeping: workbook.imagePaths)
                    keepTrust()
                    return
                } catch {
                    throw .workbook(error)
                }
            }
            let changed = destination.path
            let conflict = BookFile(overwriting: BookRunner.conflictPath(for: changed), with: workbook)
            do {
                try conflict.forceSave(workbook)
            } catch {
                throw .workbook(error)
            }
            // Later saves go on there: asking again after every cell helps no one.
            destination = conflict
            throw .changedOnDisk(path: changed, savedAs: conflict.path)
        } catch {
            throw .workbook(error)
        }
    }

    /// Marks a cell as the user's own: it runs even when risky cells are refused.
    public func approve(_ id: String) {
        approved.insert(id)
    }

    /// Records the saved version as trusted when this workbook is trusted through the store;
    /// a store that cannot be written only costs a question next time.
    private func keepTrust() {
        guard let keepsTrust else { return }
        // Saves after running a cell leave the code, and so the digest, as it was: no need to
        // read the store again.
        let digest = TrustStore.digest(of: workbook)
        guard digest != recordedDigest else { return }
        try? keepsTrust.trust(workbook, bookPath: destination.path)
        recordedDigest = digest
    }

    static func conflictPath(for path: String) -> String {
        let base = path.hasSuffix(".pilotbook") ? String(path.dropLast(".pilotbook".count)) : path
        return base + ".conflict.pilotbook"
    }
}

/// What a run reports as it goes, for live display; never stored.
public enum RunEvent {
    case cellStarted(id: String, position: Int, total: Int, source: String)
    case output(id: String, OutputBlock)
    case cellFinished(id: String, position: Int, total: Int, status: Kernel.Status, duration: Duration)
}

/// Why a run could not go on.
public enum RunnerError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// The workbook could not be read, parsed or written.
    case workbook(WorkbookError)
    /// A `--param` value was rejected.
    case parameter(name: String, Diagnostic)
    /// Someone changed the file while it ran; this run was saved to `savedAs` instead.
    case changedOnDisk(path: String, savedAs: String)
    /// A risky cell of a workbook nobody trusted was not run.
    case untrusted(cell: String, risks: [Kernel.Risk])
    /// The trust store could not be written.
    case trustStore(path: String, reason: String)

    /// What the user reads: what went wrong and what to do next.
    public var diagnostic: Diagnostic {
        switch self {
        case .workbook(let error):
            error.diagnostic
        case .parameter(let name, let error):
            Diagnostic("--param \(name): \(error.message)", hint: error.hint)
        case .changedOnDisk(let path, let savedAs):
            Diagnostic(
                "\(path) changed on disk while pilot was running it; left it as it is",
                hint: "pilot's version is in \(savedAs) (and saves go there from now on): "
                    + "compare the two and keep what you want")
        case .untrusted(let cell, let risks):
            Diagnostic(
                "cell \(cell) was not run: it \(risks.map(\.reason).joined(separator: ", ")), "
                    + "and this workbook is not trusted",
                hint: "read the cell; if it is what you expect, run it again with --trust, "
                    + "or trust the workbook: pilot trust BOOK")
        case .trustStore(let path, let reason):
            Diagnostic(
                "could not record trust in \(path): \(reason)",
                hint: "check that the folder is writable, or set PILOT_TRUST_STORE to a file that is")
        }
    }
}
