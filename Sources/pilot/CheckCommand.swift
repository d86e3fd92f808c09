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
            The workbooks themselves are not changed. For each workbook: a diff per cell whose output \
            differs, then a one-line verdict (ok, FAILED or NOT RUN); with several, a count at the end. \
            Exits 1 when any workbook differs or could not run.
            """
    )

    @Argument(help: "The workbooks to check (a class's hand-ins, say).", completion: .file(extensions: ["pilotbook"]))
    var books: [String]

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "Set a parameter (or a setting) before the first cell; repeatable.",
            valueName: "key=value"))
    var parameters: [Parameter] = []

    @Flag(help: "Run sh, download, deploy and delete cells of workbooks you have not trusted, this time.")
    var trust = false

    func run() throws {
        let console = Console.standard(environment: ProcessInfo.processInfo.environment, editing: false)
        let terminal = console.terminal
        var passed = 0
        for book in books {
            let verdict = check(book, console: console)
            if verdict.passed { passed += 1 }
            terminal.line(terminal.styled(verdict.line, verdict.passed ? .green : .red))
        }
        if books.count > 1 {
            terminal.line("\(passed) of \(books.count) workbooks match their stored outputs")
        }
        if passed < books.count { throw ExitCode.failure }
    }

    /// Checks one workbook, printing its differences; its verdict line.
    private func check(_ book: String, console: Console) -> (passed: Bool, line: String) {
        let terminal = console.terminal
        let environment = ProcessInfo.processInfo.environment
        let stored: Workbook
        do {
            stored = try BookFile(path: book).workbook
        } catch {
            terminal.error(error)
            return (false, "NOT RUN: \(book): it could not be read")
        }
        let decision = TrustGate.decide(
            stored, bookPath: book, trustGiven: trust, refusing: .workbook,
            console: console, environment: environment)
        guard case .run = decision else {
            return (false, "NOT RUN: \(book): not trusted")
        }
        let report: BookCheck.Report
        do {
            report = try BookCheck(
                bookPath: book, parameters: parameters.map { ($0.name, $0.value) },
                environment: environment, services: Services.standard(environment: environment),
                live: TerminalLive(terminal: terminal)
            ).run()
        } catch {
            terminal.error(error)
            return (false, "NOT RUN: \(book): it could not be run")
        }
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
        return (report.passed, report.verdict)
    }
}
