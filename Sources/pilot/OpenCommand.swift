import ArgumentParser
import Diagnostics
import Foundation
import Shell

/// `pilot open BOOK`: step through a workbook, cell by cell.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Step through a workbook: Enter runs the current cell, saves its output and moves on.",
        discussion: """
            Shows the prose before each cell, the cell and its status. :next :prev :goto :list :run \
            :run-all :edit :insert :delete :save :quit (:help lists them); any other line runs as a new \
            cell after the current one. Outputs are saved into the workbook after every cell.
            """
    )

    @Argument(help: "The workbook to open.", completion: .file(extensions: ["pilotbook"]))
    var book: String

    @Flag(help: "Let sh, download, deploy and delete cells of a workbook you have not trusted run, this time.")
    var trust = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let services = ShellServices(
            environment: environment, services: Services.standard(environment: environment),
            live: TerminalLive(terminal: .standard), trustGiven: trust)
        let stepper: StepThrough
        do {
            stepper = try StepThrough(bookPath: book, services: services)
        } catch {
            Terminal.standard.error(error)
            throw ExitCode.failure
        }
        let status = stepper.run()
        if status != 0 { throw ExitCode(status) }
    }
}
