import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

@Suite("Running cells")
struct KernelTests {
    let kernel = Kernel.standard

    func run(_ source: String, in session: Session = Session(workingDirectory: "/tmp")) -> Kernel.CellResult {
        kernel.run(cell: source, in: session)
    }

    func text(_ result: Kernel.CellResult) -> String {
        result.transcript(image: "[image]\n")
    }

    @Test("help lists every command by area")
    func help() {
        let result = run("help")
        #expect(result.status == .ok)
        #expect(text(result) == Snapshot.expected(text(result), named: "help.txt"))
    }

    @Test("help CMD explains one command")
    func helpSet() {
        let result = run("help set")
        #expect(text(result) == Snapshot.expected(text(result), named: "help-set.txt"))
    }

    @Test(
        "an unknown command suggests the closest one",
        arguments: [
            ("hepl", "error: unknown command 'hepl'\nhint: did you mean 'help'?\n"),
            ("rset seed=1", "error: unknown command 'rset'\nhint: did you mean 'set'?\n"),
            ("frobnicate", "error: unknown command 'frobnicate'\nhint: run 'help' to list the commands\n"),
            ("help sett", "error: no command named 'sett'\nhint: did you mean 'set'?\n"),
        ])
    func unknownCommand(source: String, output: String) {
        let result = run(source)
        #expect(result.status == .error)
        #expect(text(result) == output)
    }

    @Test("a wrong option is caught before the command runs, with a caret and a suggestion")
    func unknownOption() {
        let result = Kernel.standard.run(cell: "split data raito=0.8", in: Session(workingDirectory: "/"))
        #expect(
            text(result) == """
                error: split has no option 'raito'
                  split data raito=0.8
                             ^
                hint: did you mean 'ratio'?

                """)
    }

    @Test("set validates names and values")
    func set() {
        let session = Session(workingDirectory: "/")
        #expect(text(run("set seed=42 rows=5", in: session)) == "seed = 42\nrows = 5\n")
        #expect(session.settings["seed"] == "42")
        #expect(text(run("set sed=1", in: session)) == "error: unknown setting 'sed'\nhint: did you mean 'seed'?\n")
        #expect(
            text(run("set rows=lots", in: session)) == """
                error: rows=lots is not valid: rows takes a whole number from 1 to 10000
                hint: e.g. set rows=10

                """)
        #expect(
            text(run("set seed", in: session))
                == "error: set takes KEY=VALUE..., not 'seed'\n  set seed\n      ^\nhint: e.g. set seed=VALUE\n")
    }

    @Test("a cell stops at its first failing command and keeps the output before it")
    func stopsAtError() {
        let session = Session(workingDirectory: "/")
        let result = run("set seed=1\nbogus\nset seed=2", in: session)
        #expect(result.status == .error)
        #expect(text(result).hasPrefix("seed = 1\nerror: unknown command 'bogus'"))
        #expect(session.settings["seed"] == "1")
    }

    @Test("vars shows values, parameters and settings")
    func vars() throws {
        final class Frame: SessionValue {
            var kind: String { "frame" }
            var summary: String { "41188 rows × 21 columns" }
        }
        let session = Session(workingDirectory: "/")
        session.store(Frame(), as: "data")
        try session.define(parameter: "budget", value: "60s")
        try session.define(parameter: "seed", value: "7")
        let result = run("vars", in: session)
        #expect(
            text(result) == """
                ┌────────┬───────────┬─────────────────────────┐
                │ name   │ kind      │ value                   │
                ├────────┼───────────┼─────────────────────────┤
                │ data   │ frame     │ 41188 rows × 21 columns │
                │ budget │ parameter │ 60s                     │
                │ seed   │ setting   │ 7                       │
                │ rows   │ setting   │ 10 (default)            │
                └────────┴───────────┴─────────────────────────┘

                """)
        #expect(text(run("reset", in: session)) == "session reset: forgot 1 value; settings back to defaults\n")
        #expect(session.values.isEmpty)
        #expect(session.lookup("budget") == "60s")
        #expect(session.settings["seed"] == "0")
    }

    @Test("an interruption stops the cell before its next command")
    func interruption() {
        let flag = Interruption()
        var table = CommandTable.standard
        table.add([Stop.self])
        let result = Kernel(commands: table).run(
            cell: "stop\nset seed=5", in: Session(workingDirectory: "/"),
            interruption: flag)
        #expect(result.status == .interrupted)
        #expect(result.blocks.isEmpty)
    }

    @Test(
        "suggestions tolerate small typos only",
        arguments: [
            ("hepl", "help"), ("vras", "vars"), ("rest", "reset"), ("xyz", nil), ("h", nil),
        ] as [(String, String?)])
    func suggestions(input: String, expected: String?) {
        #expect(Suggestion.closest(to: input, in: ["help", "vars", "set", "reset"]) == expected)
    }

    @Test("params declares defaults; a --param given from outside wins, and the output says which")
    func params() throws {
        let session = Session(workingDirectory: "/tmp")
        try session.define(parameter: "budget", value: "30s")
        let result = run("params seed=0 budget=60s data=bank.csv\nset", in: session)
        #expect(result.status == .ok)
        #expect(
            text(result).hasPrefix(
                """
                ┌───────────┬──────────┬───────────────────────┐
                │ parameter │ value    │ from                  │
                ├───────────┼──────────┼───────────────────────┤
                │ seed      │ 0        │ default               │
                │ budget    │ 30s      │ --param (default 60s) │
                │ data      │ bank.csv │ default               │
                └───────────┴──────────┴───────────────────────┘

                """))
        #expect(session.lookup("budget") == "30s")
        #expect(session.lookup("data") == "bank.csv")
        #expect(session.settings["seed"] == "0")  // a parameter named like a setting sets it
        #expect(text(run("load $data", in: session)).contains("bank.csv"))
    }

    @Test(
        "params refuses words and invalid setting values",
        arguments: [
            ("params", "error: params needs NAME=DEFAULT...\nhint: usage: params NAME=DEFAULT...\n"),
            (
                "params seed",
                "error: params takes NAME=DEFAULT..., not 'seed'\n  params seed\n         ^\nhint: e.g. params seed=VALUE\n"
            ),
            (
                "params seed=many",
                "error: seed=many is not valid: seed takes a whole number from 0 to 2147483647\nhint: e.g. params seed=0\n"
            ),
        ])
    func paramsErrors(source: String, output: String) {
        let result = run(source)
        #expect(result.status == .error)
        #expect(text(result) == output)
    }

    @Test("sh runs the rest of the line in /bin/sh, in the workbook's folder, with parameters in its environment")
    func sh() throws {
        let folder = ScratchFolder()
        folder.write("a\nb\n", to: "two lines.txt")
        let session = Session(workingDirectory: folder.path)
        try session.define(parameter: "name", value: "bank")
        let result = run(
            #"sh wc -l < "two lines.txt" | tr -d ' '; echo "$name" 'it''s' # a shell comment"#, in: session)
        #expect(result.status == .ok)
        #expect(text(result) == "2\nbank its\n")
    }

    @Test("sh: a failing command fails the cell with its output and status; no command is a usage error")
    func shFails() {
        let failed = run("sh echo to stderr >&2; exit 3\nset seed=1")
        #expect(failed.status == .error)
        #expect(
            text(failed)
                == "to stderr\nerror: sh: the command exited with status 3\nhint: its output is above; the line was: echo to stderr >&2; exit 3\n"
        )
        let empty = run("sh   ")
        #expect(text(empty) == "error: sh needs a command to run, e.g. sh ls -l\nhint: usage: sh COMMAND\n")
    }

    @Test("sh does not wait for a child the command left running in the background")
    func shBackground() {
        let result = run("sh (sleep 3; echo late) & echo now")
        #expect(result.status == .ok)
        #expect(text(result) == "now\n")
    }

    @Test("sh: a pipeline whose reader stops early ends (SIGPIPE has its default action)")
    func shPipeline() {
        let result = run("sh yes | head -n 2")
        #expect(text(result) == "y\ny\n")
    }

    @Test("sh stops its command when the cell is interrupted")
    func shInterrupted() {
        let interruption = Interruption()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interruption.raise() }
        let result = kernel.run(cell: "sh sleep 30", in: Session(workingDirectory: "/tmp"), interruption: interruption)
        #expect(result.status == .interrupted)
    }

    @Test("risks: the lines to agree to before running someone else's workbook")
    func risks() {
        let source = """
            download https://example.com/data.zip
            unzip data.zip
            unzip data.zip to ../elsewhere
            save d to out.csv
            save d to /etc/passwd
            save d to $out
            deploy bank.best as ep
            cleanup ep
            cleanup experiment bank confirm=yes
              sh rm -rf "$HOME"   # verbatim, never lexed
            """
        #expect(
            kernel.risks(in: source).map { "\($0.line) \($0.reason)" } == [
                "1 downloads from the network",
                "3 writes files outside the workbook's folder (../elsewhere)",
                "5 writes a file outside the workbook's folder (/etc/passwd)",
                "6 writes a file outside the workbook's folder ($out)",
                "7 starts a web server on this machine, or a SageMaker endpoint that spends money in your AWS account",
                "9 deletes an experiment's files",
                "10 runs a shell command",
            ])
        #expect(kernel.risks(in: source).last?.text == #"sh rm -rf "$HOME"   # verbatim, never lexed"#)
        #expect(kernel.risks(in: "load \"unterminated\nsh ls").isEmpty)  // does not lex: runs nothing
        #expect(kernel.risks(in: "head d\ndescribe d").isEmpty)
    }
}

/// `stop`: raises the interruption flag, as Ctrl-C would while a command runs.
private struct Stop: CellCommand {
    static let configuration = CommandConfiguration("stop", area: .session, summary: "raise the flag")

    func run(in context: CommandContext) throws {
        context.interruption.raise()
    }
}
