import ArgumentParser
import Diagnostics
import Foundation
import Runner
import Shell

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every cell of a workbook in order and write the outputs back.",
        discussion: """
            Cells run with the workbook's folder as working directory. Outputs are saved after every \
            cell, so an interrupted run keeps what it finished. Exits 1 when a cell failed.
            """
    )

    @Argument(help: "The workbook to run.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "Set a parameter (or a setting) before the first cell; repeatable.",
            valueName: "key=value"))
    var parameters: [Parameter] = []

    @Option(
        help: ArgumentHelp("Write the run to FILE instead of into the workbook.", valueName: "file"),
        completion: .file(extensions: ["pilotbook"]))
    var output: String?

    @Flag(help: "Go on after a failed cell instead of stopping there.")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "Print every cell's output, not only failures.")
    var verbose = false

    @Flag(help: "Run sh, download, deploy and delete cells of a workbook you have not trusted, this time.")
    var trust = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let console = Console.standard(environment: environment, editing: false)
        let terminal = console.terminal
        let runner: BookRunner
        do {
            runner = try BookRunner(
                bookPath: book, outputPath: output,
                parameters: parameters.map { ($0.name, $0.value) },
                environment: environment, services: Services.standard(environment: environment),
                live: TerminalLive(terminal: terminal))
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        let decision = TrustGate.decide(
            runner.workbook, bookPath: book, trustGiven: trust, refusing: .workbook,
            console: console, environment: environment)
        guard case .run(let store) = decision else { throw ExitCode.failure }
        runner.keepsTrust = store
        console.listen()
        let reporter = RunReporter(terminal: terminal, outputs: .heldUnlessOK(verbose: verbose))
        let summary: BookRunner.Summary
        do {
            summary = try console.interrupts.during(runner.interruption) { () throws(RunnerError) in
                try runner.runAll(keepGoing: keepGoing, onEvent: reporter.report)
            }
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        let target = output ?? book
        let total = runner.workbook.cells.count
        var parts = ["ran \(summary.cellsRun) of \(total) cell\(total == 1 ? "" : "s")"]
        if !summary.failed.isEmpty {
            parts.append("\(summary.failed.count) failed (\(summary.failed.joined(separator: ", ")))")
        }
        if let id = summary.interrupted { parts.append("interrupted at \(id)") }
        terminal.line("\(target): " + parts.joined(separator: ", ") + "; outputs saved")
        if !summary.succeeded {
            if summary.skipped > 0, summary.interrupted == nil {
                terminal.hint("fix the cell and run again, or pass --keep-going to run the rest anyway")
            }
            throw ExitCode.failure
        }
    }
}
