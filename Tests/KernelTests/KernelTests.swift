import TestSupport
import Testing
@testable import Kernel

@Suite("Running cells")
struct KernelTests {
    let kernel = Kernel()

    func run(_ source: String, in session: Session = Session(workingDirectory: "/tmp")) -> Kernel.CellResult {
        kernel.run(cell: source, in: session)
    }

    func text(_ result: Kernel.CellResult) -> String {
        result.blocks.map { if case .text(let text) = $0 { text } else { "[image]\n" } }.joined()
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

    @Test("an unknown command suggests the closest one", arguments: [
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
        var table = CommandTable.builtin
        table.add([Command("split", area: .frames, usage: "split FRAME", summary: "s",
                           options: [.init("ratio", "R", "r"), .init("seed", "N", "s")]) { _, context in
            context.print("ran")
        }])
        let result = Kernel(commands: table).run(cell: "split data raito=0.8", in: Session(workingDirectory: "/"))
        #expect(text(result) == """
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
        #expect(text(run("set rows=lots", in: session)) == """
        error: rows=lots is not valid: rows takes a whole number from 1 to 10000
        hint: e.g. set rows=10

        """)
        #expect(text(run("set seed", in: session)) == "error: set takes KEY=VALUE, not 'seed'\nhint: e.g. set seed=VALUE\n")
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
        #expect(text(result) == """
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
        var table = CommandTable.builtin
        table.add([Command("stop", area: .session, usage: "stop", summary: "raise the flag") { _, _ in flag.raise() }])
        let result = Kernel(commands: table).run(cell: "stop\nset seed=5", in: Session(workingDirectory: "/"),
                                                 interruption: flag)
        #expect(result.status == .interrupted)
        #expect(result.blocks.isEmpty)
    }

    @Test("suggestions tolerate small typos only", arguments: [
        ("hepl", "help"), ("vras", "vars"), ("rest", "reset"), ("xyz", nil), ("h", nil),
    ] as [(String, String?)])
    func suggestions(input: String, expected: String?) {
        #expect(Suggestion.closest(to: input, in: ["help", "vars", "set", "reset"]) == expected)
    }
}
