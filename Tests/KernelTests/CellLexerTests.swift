import Diagnostics
import Testing

@testable import Commands
@testable import Kernel

@Suite("The cell language")
struct CellLexerTests {
    let lexer = CellLexer(resolve: { ["seed": "7", "name": "bank ep"][$0] })

    func arguments(_ line: String) throws -> [Invocation.Argument] {
        try #require(try lexer.commands(in: line).first).arguments.map(\.argument)
    }

    @Test("words, options, quotes and comments")
    func basics() throws {
        let commands = try lexer.commands(
            in: """
                # a comment line

                load "bank data/full.csv" as data sep=; # trailing comment
                  describe data emp.var.rate nr.employed
                autopilot data target=y exclude="duration,pdays" max_runtime=60s
                """)
        #expect(commands.map(\.name) == ["load", "describe", "autopilot"])
        #expect(commands.map(\.line) == [3, 4, 5])
        #expect(
            commands[0].arguments.map(\.argument) == [
                .word("bank data/full.csv", quoted: true), .word("as", quoted: false), .word("data", quoted: false),
                .option(key: "sep", value: ";"),
            ])
        #expect(commands[1].words == ["data", "emp.var.rate", "nr.employed"])
        #expect(commands[2].options.map(\.key) == ["target", "exclude", "max_runtime"])
        #expect(commands[2].options.map(\.value) == ["y", "duration,pdays", "60s"])
    }

    @Test("columns are where the argument starts", arguments: [("help  set", 7), ("\thelp \"x y\"", 7)])
    func columns(line: String, column: Int) throws {
        #expect(try lexer.commands(in: line)[0].arguments[0].column == column)
    }

    @Test("escapes inside quotes, a quoted '=' is a word, '#' inside a word is kept")
    func escapes() throws {
        #expect(try arguments(#"x "a \"b\" \\ c\td""#) == [.word("a \"b\" \\ c\td", quoted: true)])
        #expect(try arguments(#"x "k=v""#) == [.word("k=v", quoted: true)])
        #expect(try arguments("x http://host/p#frag") == [.word("http://host/p#frag", quoted: false)])
        #expect(try arguments("x >= 30") == [.word(">=", quoted: false), .word("30", quoted: false)])
    }

    @Test("$name and ${name} read parameters and settings; \\$ is a dollar")
    func interpolation() throws {
        #expect(try arguments("x seed=$seed") == [.option(key: "seed", value: "7")])
        #expect(
            try arguments(#"x "${name}-1" \$HOME"#) == [
                .word("bank ep-1", quoted: true), .word("$HOME", quoted: false),
            ])
        #expect(try arguments("x cost $") == [.word("cost", quoted: false), .word("$", quoted: false)])
    }

    @Test("CRLF sources lex like LF ones")
    func crlf() throws {
        #expect(try lexer.commands(in: "help\r\nvars\r\n").map(\.name) == ["help", "vars"])
    }

    @Test(
        "errors point at the place with a caret",
        arguments: [
            (
                "load \"bank.csv as data",
                """
                error: this quote is never closed
                  load "bank.csv as data
                       ^
                hint: add a closing " at the end of the value
                """
            ),
            (
                "split data seed=$sed",
                """
                error: no parameter or setting named 'sed'
                  split data seed=$sed
                                  ^
                hint: pass it with --param sed=VALUE, or write \\$ for a literal $
                """
            ),
            (
                "target=y autopilot",
                """
                error: a line must start with a command, not the option 'target=y'
                  target=y autopilot
                  ^
                hint: write the command first, e.g. 'set seed=42'
                """
            ),
        ])
    func errors(source: String, rendered: String) {
        #expect(throws: Diagnostic.self) { try lexer.commands(in: source) }
        do {
            _ = try lexer.commands(in: source)
        } catch {
            #expect(error.rendered == rendered)
        }
    }
}
