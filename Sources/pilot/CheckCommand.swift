import ArgumentParser
import Diagnostics
import Foundation
import Runner
import Shell
import Workbook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run workbooks into scratch copies and compare with their stored outputs.",
        discussion: """
            The workbooks themselves are not changed. Each runs with the parameter values its params \
            output records (the values its author ran it with); --param overrides them. For each \
            workbook: a diff per cell whose output differs, then a one-line verdict (ok, FAILED or NOT \
            RUN) naming the values used; with several, a count at the end. Exits 1 when any workbook \
            differs or could not run.
            """
    )

    @Argument(help: "The workbooks to check (a class's hand-ins, say).", completion: .file(extensions: ["pilotbook"]))
    var books: [String]

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "Set a parameter (or a setting) for every workbook, over the values it records; repeatable.",
            valueName: "key=value"))
    var parameters: [Parameter] = []

    @Flag(help: "Run sh, download, deploy and delete cells of workbooks you have not trusted, this time.")
    var trust = false

    @Option(
        help: ArgumentHelp(
            "Write one CSV row per workbook to FILE (for a gradebook).", valueName: "file.csv"),
        completion: .file(extensions: ["csv"]))
    var report: String?

    @Option(
        help: ArgumentHelp(
            "Write JUnit XML to FILE: a test case per cell (GitHub Classroom, GitLab CI).", valueName: "file.xml"),
        completion: .file(extensions: ["xml"]))
    var junit: String?

    @Option(help: ArgumentHelp("Check N workbooks side by side (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Let numbers in outputs differ by this relative amount (e.g. 1e-4); exact by default.",
            valueName: "r"))
    var tolerance: Double?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else {
            throw ValidationError("--jobs takes a number of workbooks from 1 up, e.g. --jobs 2")
        }
        guard (tolerance ?? 0) >= 0, (tolerance ?? 0).isFinite else {
            throw ValidationError("--tolerance takes a relative difference from 0 up, e.g. --tolerance 1e-4")
        }
    }

    /// What checking one workbook gave: its report, and the error that stopped it, if any.
    private struct Outcome: Sendable {
        var report: BookCheck.Report
        var error: CheckError?
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let console = Console.standard(environment: environment, editing: false)
        let terminal = console.terminal
        // Trust is asked first, one workbook after the other, before anything runs.
        var decided: [Int: BookCheck.Report] = [:]
        for (index, book) in books.enumerated() {
            let stored: Workbook
            do {
                stored = try BookFile(path: book).workbook
            } catch {
                terminal.error(error)
                decided[index] = .notRun(path: book, cellIDs: [], reason: "it could not be read")
                continue
            }
            let decision = TrustGate.decide(
                stored, bookPath: book, trustGiven: trust, refusing: .workbook,
                console: console, environment: environment)
            guard case .run = decision else {
                decided[index] = .notRun(path: book, cellIDs: stored.cells.compactMap(\.id), reason: "not trusted")
                continue
            }
        }

        var reports: [BookCheck.Report] = []
        let deliver = { (_: Int, outcome: Outcome) in
            if let error = outcome.error { terminal.error(error) }
            self.show(outcome.report, on: terminal)
            reports.append(outcome.report)
        }
        let given = parameters.map { ($0.name, $0.value) }
        let tolerance = NumericTolerance(relative: self.tolerance ?? 0)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if jobs == 1 || books.count - decided.count <= 1 {
            // One at a time, with the live progress line of each run.
            for (index, book) in books.enumerated() {
                deliver(
                    index,
                    decided[index].map { Outcome(report: $0) }
                        ?? Self.check(
                            book, job: 0, parameters: given, tolerance: tolerance, environment: environment,
                            live: TerminalLive(terminal: terminal)))
            }
        } else {
            // Side by side: progress lines of several runs would mix, so each verdict is the news.
            let books = self.books
            let known = decided
            SideBySide.run(
                count: books.count, jobs: jobs,
                work: { index, job in
                    known[index].map { Outcome(report: $0) }
                        ?? Self.check(
                            books[index], job: job, parameters: given, tolerance: tolerance, environment: environment,
                            live: nil)
                }, deliver: deliver)
        }

        let summary = CheckReport(books: reports)
        if books.count > 1 {
            terminal.line("\(summary.passedCount) of \(books.count) workbooks match their stored outputs")
        }
        var written = true
        if let report { written = write(summary.csv, to: report, terminal: terminal) && written }
        if let junit {
            written =
                write(
                    summary.junit(timestamp: Self.timestamp(environment), hostname: Self.hostname), to: junit,
                    terminal: terminal)
                && written
        }
        if summary.passedCount < books.count || !written { throw ExitCode.failure }
    }

    /// Checks one workbook as job `job`: its endpoints get a port range of their own.
    private static func check(
        _ book: String, job: Int, parameters: [(String, String)], tolerance: NumericTolerance,
        environment: [String: String], live: TerminalLive?
    ) -> Outcome {
        let environment = BookCheck.environment(environment, job: job)
        var check = BookCheck(
            bookPath: book, parameters: parameters, environment: environment,
            services: Services.standard(environment: environment), live: live)
        check.tolerance = tolerance
        check.job = job
        do {
            return Outcome(report: try check.run())
        } catch {
            let cells = (try? BookFile(path: book).workbook.cells.compactMap(\.id)) ?? []
            return Outcome(report: .notRun(path: book, cellIDs: cells, reason: error.reason), error: error)
        }
    }

    /// Prints a workbook's differences, then its verdict.
    private func show(_ report: BookCheck.Report, on terminal: Terminal) {
        for difference in report.differences {
            var heading = "cell '\(difference.cellID)' (line \(difference.line))"
            if difference.wasStale { heading += ", whose stored output is stale: the cell changed after it ran" }
            terminal.line(terminal.styled(heading + ":", .bold))
            for line in difference.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                if line.hasPrefix("-"), !line.hasPrefix("---") {
                    terminal.line(terminal.styled(String(line), .red))
                } else if line.hasPrefix("+"), !line.hasPrefix("+++") {
                    terminal.line(terminal.styled(String(line), .green))
                } else {
                    terminal.line(String(line))
                }
            }
        }
        terminal.line(terminal.styled(report.verdict, report.passed ? .green : .red))
    }

    /// Writes a report file in one go; says so and returns `false` when it cannot.
    private func write(_ text: String, to path: String, terminal: Terminal) -> Bool {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return true
        } catch {
            terminal.error(
                Diagnostic(
                    "could not write \(path): \(error.localizedDescription)",
                    hint: "check that its folder exists and is writable"))
            return false
        }
    }

    /// When the check ran, for JUnit: `SOURCE_DATE_EPOCH` when set (reproducible files), else now; UTC.
    private static func timestamp(_ environment: [String: String]) -> String {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) } ?? Date().timeIntervalSince1970
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    private static var hostname: String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "localhost" : name
    }
}
