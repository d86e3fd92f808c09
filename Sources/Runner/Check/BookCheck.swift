import Commands
import Diagnostics
import Foundation
import Kernel
import Serving
import Workbook

/// `pilot check`: runs a workbook in a scratch folder and compares each cell's fresh output with
/// the output stored in the workbook, the way nbval checks notebooks. The workbook and its folder
/// are not written.
///
/// The run uses the parameter values the workbook's `params` output records
/// (``RecordedParameters``), so each hand-in is checked with the values its student ran it with;
/// ``parameters`` override them.
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

    /// A cell that did not run, and why.
    public struct NotRun: Sendable, Equatable {
        public var cellID: String
        public var reason: String
    }

    public let bookPath: String
    public let kernel: Kernel
    /// `--param` values given to check: they replace the recorded ones, for every workbook.
    public let parameters: [(String, String)]
    public let environment: [String: String]
    public let services: [any Sendable]
    public let live: (any LiveDisplay)?
    /// How far numbers in outputs may differ.
    public var tolerance: NumericTolerance = .exact
    /// The job this check runs as when several run side by side: its endpoints look for ports
    /// ``portShift(job:)`` above where a lone run's would (``environment(_:job:)`` says so to
    /// whoever makes ``services``), and their URLs are shifted back before comparing.
    public var job = 0

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

    /// How far above a lone run's ports the endpoints of job `job` listen: 100 ports per job, so
    /// jobs side by side never race for one (8080, 8180, ... with the default first port).
    public static func portShift(job: Int) -> Int {
        100 * (job % 19)
    }

    /// `environment` for job `job`: `PILOT_FIRST_PORT` (where endpoints deployed without a port
    /// start looking, 8080 unless set) moved up by ``portShift(job:)``.
    public static func environment(_ environment: [String: String], job: Int) -> [String: String] {
        guard portShift(job: job) > 0 else { return environment }
        var environment = environment
        let first = environment["PILOT_FIRST_PORT"].flatMap { Int($0) } ?? defaultPort
        environment["PILOT_FIRST_PORT"] = String(first + portShift(job: job))
        return environment
    }

    /// The values this check runs `stored` with: the recorded ones, then ``parameters`` over them.
    /// When ``parameters`` give every declared parameter, the recorded values are not needed, and
    /// a stale or edited `params` output is no obstacle.
    ///
    /// - Throws: ``CheckError/recordedParameters(path:_:)`` when the recorded values cannot be read.
    public func parametersUsed(
        for stored: Workbook
    ) throws(CheckError)
        -> (shown: [(String, String)], given: [(String, String)])
    {
        let recorded: RecordedParameters
        do {
            recorded = try RecordedParameters.read(from: stored, kernel: kernel)
        } catch {
            let declared = RecordedParameters.declaredNames(in: stored, kernel: kernel)
            guard declared.allSatisfy({ name in parameters.contains { $0.0 == name } }) else {
                throw .recordedParameters(path: bookPath, error)
            }
            recorded = RecordedParameters(values: [])
        }
        var shown = recorded.values.map { ($0.name, $0.value) }
        var given = recorded.overrides
        for (name, value) in parameters {
            if let at = shown.firstIndex(where: { $0.0 == name }) {
                shown[at].1 = value
            } else {
                shown.append((name, value))
            }
            given.removeAll { $0.0 == name }
            given.append((name, value))
        }
        return (shown, given)
    }

    /// Runs the scratch copy and compares.
    ///
    /// - Throws: ``CheckError`` when the workbook cannot be read or run, or its recorded
    ///   parameter values cannot be read or used; nothing is run then.
    public func run(onEvent: (RunEvent) -> Void = { _ in }) throws(CheckError) -> Report {
        let stored: Workbook
        do {
            stored = try BookFile(path: bookPath).workbook
        } catch {
            throw .unreadable(error)
        }
        let (shown, given) = try parametersUsed(for: stored)
        let scratch = ScratchCopy(of: bookPath)
        defer { scratch.remove() }

        let runner: BookRunner
        do {
            runner = try BookRunner(
                bookPath: scratch.bookPath, kernel: kernel, parameters: given, environment: environment,
                services: services, live: live)
        } catch {
            if case .parameter(let name, let problem) = error, !parameters.contains(where: { $0.0 == name }) {
                throw .recordedParameters(
                    path: bookPath,
                    Diagnostic(
                        "the recorded value \(name)=\(given.last { $0.0 == name }?.1 ?? "") cannot be used: "
                            + problem.message,
                        hint: "the params output was edited: run the workbook again, or give the value with --param"))
            }
            throw .runner(error)
        }
        let summary: BookRunner.Summary
        do {
            summary = try runner.runAll(keepGoing: true, onEvent: onEvent)
        } catch {
            throw .runner(error)
        }
        let fresh = runner.workbook
        var notRun: [NotRun] = []
        if let interrupted = summary.interrupted, summary.skipped > 0 {
            let ids = fresh.cells.compactMap(\.id)
            let after = ids.firstIndex(of: interrupted).map { ids[($0 + 1)...] } ?? []
            notRun = after.map { NotRun(cellID: $0, reason: "the run was interrupted at '\(interrupted)'") }
        }

        let assets = AssetFolder(bookPath: bookPath).linkPrefix
        var differences: [Difference] = []
        for cell in fresh.cells {
            guard let id = cell.id, !notRun.contains(where: { $0.cellID == id }) else { continue }
            let now = shiftingPortsBack(fresh.output(forCell: id)?.normalizedText ?? "")
            let before = linkingImages(stored.output(forCell: id)?.normalizedText ?? "", into: assets)
            if tolerance.matches(before, now) { continue }
            let diff = UnifiedDiff.make(
                old: before, new: now, oldLabel: "stored output of '\(id)'",
                newLabel: "output of '\(id)' now")
            let storedCell = stored.cells.first { $0.id == id }
            let wasStale = stored.output(forCell: id).map { $0.isStale(for: cell) } ?? false
            differences.append(
                Difference(cellID: id, line: storedCell?.line ?? cell.line, diff: diff, wasStale: wasStale))
        }
        return Report(
            path: bookPath, parameters: shown, cellIDs: fresh.cells.compactMap(\.id), differences: differences,
            notRun: notRun)
    }

    /// `text` with the URLs of this job's endpoints as a lone run would show them: a port among
    /// the 100 from this job's first one reads ``portShift(job:)`` lower (8180 as 8080). A port
    /// keeps its number of digits unless the first ports are chosen across a power of ten, so
    /// tables line up as they did.
    func shiftingPortsBack(_ text: String) -> String {
        let shift = Self.portShift(job: job)
        guard shift > 0, text.contains("127.0.0.1:") else { return text }
        let first = environment["PILOT_FIRST_PORT"].flatMap { Int($0) } ?? defaultPort + shift
        return text.replacing(#/127\.0\.0\.1:(\d{1,5})(?!\d)/#) { match in
            guard let port = Int(match.output.1), port >= first, port < first + 100 else {
                return String(match.output.0)
            }
            return "127.0.0.1:\(port - shift)"
        }
    }
}

extension BookCheck {
    /// `text` with its image links into any `NAME.assets/` folder pointing into `folder`: images
    /// are named by the SHA-256 of their content, so the name says what the image is, and a
    /// hand-in renamed after it ran (`hw.pilotbook` handed in as `anna.pilotbook`, its links
    /// still into `hw.assets/`) still matches.
    func linkingImages(_ text: String, into folder: String) -> String {
        guard text.contains(".assets/") else { return text }
        return text.replacing(#/\]\(([^()\n]+)\.assets/([0-9a-f]+\.svg)\)/#) { match in
            "](\(folder)/\(match.output.2))"
        }
    }
}

/// Why `pilot check` could not check a workbook.
public enum CheckError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// It could not be read or parsed.
    case unreadable(WorkbookError)
    /// It could not be run.
    case runner(RunnerError)
    /// Its `params` output does not say which values to run it with.
    case recordedParameters(path: String, Diagnostic)

    public var diagnostic: Diagnostic {
        switch self {
        case .unreadable(let error): error.diagnostic
        case .runner(let error): error.diagnostic
        case .recordedParameters(let path, let problem): Diagnostic("\(path): \(problem.message)", hint: problem.hint)
        }
    }

    /// The end of the verdict line: `NOT RUN: BOOK: REASON`.
    public var reason: String {
        switch self {
        case .unreadable: "it could not be read"
        case .runner: "it could not be run"
        case .recordedParameters: "its recorded parameter values cannot be used"
        }
    }
}
