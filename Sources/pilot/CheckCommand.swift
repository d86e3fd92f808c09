import ArgumentParser
import Downloads
import Endpoint
import Foundation
import Runner
import Workbook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a workbook into a scratch copy and compare with its stored outputs.",
        discussion: "The workbook itself is not changed. Exits 1, with a diff per cell, when an output differs."
    )

    @Argument(help: "The workbook to check.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter (or a setting) before the first cell; repeatable.", valueName: "key=value"))
    var parameters: [Parameter] = []

    @Flag(help: "Run sh, download, deploy and delete cells of a workbook you have not trusted, this time.")
    var trust = false

    func run() throws {
        let console = Console.standard
        let report: BookCheck.Report
        do {
            _ = try TrustGate.admit(try BookFile(path: book).workbook, bookPath: book, trustFlag: trust, console: console)
        } catch let error as WorkbookError {
            console.error(error.rendered)
            throw ExitCode.failure
        }
        do {
            report = try BookCheck(bookPath: book, parameters: parameters.map { ($0.name, $0.value) },
                                   environment: ProcessInfo.processInfo.environment, downloader: HTTPDownloader(),
                                   endpointHost: HTTPEndpointHost(), live: TerminalLive(console: console)).run()
        } catch {
            console.error(error.rendered)
            throw ExitCode.failure
        }
        for difference in report.differences {
            var heading = "cell '\(difference.cellID)' (line \(difference.line))"
            if difference.wasStale { heading += ", whose stored output is stale: the cell changed after it ran" }
            console.line(console.styled(heading + ":", .bold))
            for line in difference.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                if line.hasPrefix("-"), !line.hasPrefix("---") {
                    console.line(console.styled(String(line), .red))
                } else if line.hasPrefix("+"), !line.hasPrefix("+++") {
                    console.line(console.styled(String(line), .green))
                } else {
                    console.line(String(line))
                }
            }
        }
        console.line(report.passed ? console.styled(report.verdict, .green) : console.styled(report.verdict, .red))
        if !report.passed { throw ExitCode.failure }
    }
}
