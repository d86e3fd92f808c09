import ArgumentParser
import Foundation
import Shell

/// `pilot` on its own, or `pilot shell`: a scratch session at a prompt.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Type commands in a scratch session (what `pilot` alone does).",
        discussion: """
            Each line runs as a cell; end a line with \\ to add another line to the cell. Tab completes \
            commands, options, names and paths; Ctrl-R searches the history; Ctrl-C stops a running \
            command; Ctrl-D leaves. `:save FILE` writes what was run as a workbook. When standard input \
            is not a terminal, commands are read line by line with no prompt, and the exit status is 1 \
            if one failed.
            """
    )

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let services = ShellServices(
            environment: environment, services: Services.standard(environment: environment),
            live: TerminalLive(terminal: .standard))
        let status = ScratchShell(services: services).run()
        if status != 0 { throw ExitCode(status) }
    }
}
