import Foundation
import TestSupport
import Testing
import Workbook

@Suite("The pilot binary, end to end", .serialized)
struct EndToEndTests {
    static let session: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/session.pilotbook")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    @Test("pilot run writes the outputs back and says what it did")
    func run() throws {
        let folder = ScratchFolder()
        folder.write(Self.session, to: "book.pilotbook")
        let result = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path)
        #expect(result.status == 0)
        #expect(PilotProcess.withoutTimings(result.stdout) == """
        [1/2] set ok
        [2/2] last ok
        book.pilotbook: ran 2 of 2 cells; outputs saved

        """)
        #expect(result.stderr == "")
        let written = folder.read("book.pilotbook")
        #expect(written == Snapshot.expected(written, named: "session.after-run.pilotbook"))

        let again = try PilotProcess.run(["run", folder.file("book.pilotbook")])
        #expect(again.status == 0)
        #expect(folder.read("book.pilotbook") == written)

        let check = try PilotProcess.run(["check", "book.pilotbook"], in: folder.path)
        #expect(check.status == 0)
        #expect(check.stdout == "ok: book.pilotbook: 2 cells match their stored outputs\n")
    }

    @Test("pilot check of a class's hand-ins: a verdict line per workbook, diffs where outputs differ, a count at the end")
    func checkSeveral() throws {
        let folder = ScratchFolder()
        folder.write(Self.session, to: "anna.pilotbook")
        _ = try PilotProcess.run(["run", "anna.pilotbook"], in: folder.path)
        folder.write(folder.read("anna.pilotbook").replacingOccurrences(of: "seed = 7", with: "seed = 8"), to: "ben.pilotbook")
        folder.write(folder.read("anna.pilotbook") + "\n```pilot id=sh\nsh date\n```\n", to: "carl.pilotbook")
        folder.write("```pilot\nunclosed\n", to: "dora.pilotbook")
        let check = try PilotProcess.run(["check", "anna.pilotbook", "ben.pilotbook", "carl.pilotbook", "dora.pilotbook"],
                                         in: folder.path, input: "")
        #expect(check.status == 1)
        #expect(check.stdout == """
        ok: anna.pilotbook: 2 cells match their stored outputs
        cell 'set' (line 4):
        --- stored output of 'set'
        +++ output of 'set' now
        @@ -1,6 +1,6 @@
         <!-- output:begin id=set status=ok src=d18a69b0 -->
         ```text
        -seed = 8
        +seed = 7
         no frames, experiments or models yet: load a file or run a command that makes one
         ┌──────┬─────────┬──────────────┐
         │ name │ kind    │ value        │
        FAILED: ben.pilotbook: 1 of 2 cells differ from the stored outputs
        NOT RUN: carl.pilotbook: not trusted
        NOT RUN: dora.pilotbook: it could not be read
        1 of 4 workbooks match their stored outputs

        """)
        #expect(check.stderr.contains("error: carl.pilotbook is not trusted, and 1 of its cells can change this machine:\n  [3] sh · runs a shell command: sh date\n"))
    }

    @Test("pilot check fails with a diff when a stored output was edited by hand")
    func checkFails() throws {
        let folder = ScratchFolder()
        folder.write(Self.session, to: "book.pilotbook")
        _ = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path)
        let edited = folder.read("book.pilotbook").replacingOccurrences(of: "seed = 7", with: "seed = 8")
        folder.write(edited, to: "book.pilotbook")
        let check = try PilotProcess.run(["check", "book.pilotbook"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("cell 'set' (line 4):\n--- stored output of 'set'\n+++ output of 'set' now\n"))
        #expect(check.stdout.contains("\n-seed = 8\n+seed = 7\n"))
        #expect(check.stdout.hasSuffix("FAILED: book.pilotbook: 1 of 2 cells differ from the stored outputs\n"))
        #expect(folder.read("book.pilotbook") == edited)
    }

    @Test("a failing cell makes the run exit 1 and says how to go on")
    func failingCell() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nhelp nothing-like-this\n```\n\n```pilot id=b\nvars\n```\n", to: "f.pilotbook")
        let result = try PilotProcess.run(["run", "f.pilotbook"], in: folder.path)
        #expect(result.status == 1)
        #expect(PilotProcess.withoutTimings(result.stdout) == """
        [1/2] a error
            error: no command named 'nothing-like-this'
            hint: run 'help' to list the commands
        f.pilotbook: ran 1 of 2 cells, 1 failed (a); outputs saved
        hint: fix the cell and run again, or pass --keep-going to run the rest anyway

        """)
        let keepGoing = try PilotProcess.run(["run", "--keep-going", "f.pilotbook"], in: folder.path)
        #expect(keepGoing.status == 1)
        #expect(keepGoing.stdout.contains("[2/2] b ok"))
    }

    @Test("a workbook that does not parse: one error with a caret, exit 1, file untouched", arguments: [
        ("# T\n\n```pilot id=a\nhelp\n", "error: bad.pilotbook:3:1: the ```pilot fence opened here is never closed\n  ```pilot id=a\n  ^\nhint: add a line with ``` after the block's last line\n"),
        ("```pilot id=a\nhelp\n```\n```pilot id=a\nvars\n```\n", "error: bad.pilotbook:4:10: duplicate cell id 'a' (first used on line 1)\n  ```pilot id=a\n           ^\nhint: give this cell another id, or remove 'id=a' to have one generated\n"),
        ("x\n<!-- output:begin id=a status=ok src=1 -->\n<!-- output:end -->\n", "error: bad.pilotbook:2:1: this output region does not follow a cell\n  <!-- output:begin id=a status=ok src=1 -->\n  ^\nhint: delete the region (from output:begin to output:end) or move it under its cell\n"),
    ])
    func badWorkbook(text: String, message: String) throws {
        let folder = ScratchFolder()
        folder.write(text, to: "bad.pilotbook")
        for command in ["run", "check", "strip", "open"] {
            let result = try PilotProcess.run([command, "bad.pilotbook"], in: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr == message)
            #expect(folder.read("bad.pilotbook") == text)
        }
    }

    @Test("non-UTF-8 bytes are reported with line, column and caret")
    func latin1() throws {
        let folder = ScratchFolder()
        folder.write(Array("# Caf".utf8) + [0xE9] + Array("\n".utf8), to: "l.pilotbook")
        let result = try PilotProcess.run(["run", "l.pilotbook"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: l.pilotbook:1:6: byte 0xE9 is not UTF-8 text\n"))
    }

    @Test("bad usage exits 64", arguments: [["run"], ["run", "a", "--bogus"], ["run", "a", "--param", "noequals"], ["frobnicate"]])
    func badUsage(arguments: [String]) throws {
        let result = try PilotProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:") || result.stderr.contains("error:"))
    }

    @Test("a missing workbook is named in the error")
    func missingFile() throws {
        let result = try PilotProcess.run(["run", "/no/such/book.pilotbook"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: /no/such/book.pilotbook: cannot open /no/such/book.pilotbook: No such file or directory\n")
    }

    @Test("--param and --output")
    func paramsAndOutput() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=p\nset rows=$rows\n```\n", to: "p.pilotbook")
        let result = try PilotProcess.run(["run", "p.pilotbook", "--param", "rows=25", "--output", "out.pilotbook"], in: folder.path)
        #expect(result.status == 0)
        #expect(folder.read("p.pilotbook") == "```pilot id=p\nset rows=$rows\n```\n")
        #expect(folder.read("out.pilotbook").contains("rows = 25"))
    }

    @Test("pilot strip removes the outputs and gives back the file as written")
    func strip() throws {
        let folder = ScratchFolder()
        folder.write(Self.session, to: "book.pilotbook")
        _ = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path)
        let result = try PilotProcess.run(["strip", "book.pilotbook"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "book.pilotbook: removed 2 outputs\n")
        #expect(folder.read("book.pilotbook") == Self.session.replacingOccurrences(of: "```pilot\nset", with: "```pilot id=set\nset"))
    }

    @Test("--version names the linked XGBoost and libedit")
    func version() throws {
        let result = try PilotProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("pilot 0.1.0 (xgboost 1."))
        #expect(result.stdout.contains("libedit "))
    }
}

@Suite("The tutorial workbooks", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PILOT_MIRROR"] != nil, "needs PILOT_MIRROR"))
struct TutorialTests {
    /// One after the other: both deploy an endpoint on the first free port from 8080, which
    /// their stored outputs show.
    @Test("pilot check passes on a copy of each tutorial: its stored outputs are what it produces",
          arguments: ["autopilot-tutorial.pilotbook", "autopilot-tutorial.ja.pilotbook"])
    func check(name: String) throws {
        let folder = ScratchFolder("tutorial")
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let book = repo.appendingPathComponent("workbooks/\(name)")
        folder.write(Array(try Data(contentsOf: book)), to: name)
        let result = try PilotProcess.run(["check", "--trust", name], in: folder.path)
        #expect(result.stdout.hasPrefix("ok: \(name) (seed=42): "), "\(result.stdout)\(result.stderr)")
        #expect(result.status == 0)
    }
}

@Suite("Generated workbooks run")
struct GeneratedWorkbookTests {
    @Test("autopilot writes a data-exploration and a candidate-definitions workbook; the latter runs with pilot run")
    func candidateDefinitions() throws {
        let folder = ScratchFolder("generated")
        let csv = GeneratedData.binaryCSV(rows: 300, seed: 11)
        folder.write(csv, to: "data.csv")
        folder.write("```pilot id=load\nload data.csv as data\n```\n\n```pilot id=autopilot\nautopilot data target=y as exp max_candidates=4\n```\n",
                     to: "book.pilotbook")
        let first = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path)
        #expect(first.status == 0, "\(first.stdout)")
        let exploration = try Workbook(parsing: folder.read("exp/data-exploration.pilotbook"))
        #expect(exploration.cells.isEmpty)
        let definitions = try Workbook(parsing: folder.read("exp/candidate-definitions.pilotbook"))
        #expect(definitions.cells.compactMap(\.id) == ["data", "dpp0-xgboost", "dpp1-xgboost", "dpp3-xgboost", "dpp3-rf", "dpp2-et", "dpp2-linear", "dpp2-mlp"])
        let rerun = try PilotProcess.run(["run", "exp/candidate-definitions.pilotbook"], in: folder.path)
        #expect(rerun.status == 0, "\(rerun.stdout)")
        #expect(rerun.stdout.contains("ran 8 of 8 cells"))
        #expect(folder.read("exp/candidate-definitions.pilotbook").contains("<!-- output:begin id=dpp0-xgboost status=ok"))
    }
}
