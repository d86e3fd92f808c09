import Foundation
import TestSupport
import Testing
import Workbook

/// Trust: a workbook someone else wrote runs its risky cells only when this user agrees.
@Suite("Trusting a workbook", .serialized)
struct TrustTests {
    static let book = """
    # Handed out

    ```pilot id=look
    set seed=1
    ```

    ```pilot id=shell
    sh echo ran > ran.txt; echo done
    ```

    """

    /// A folder with the workbook and a trust store of its own.
    static func folder() -> (ScratchFolder, [String: String]) {
        let folder = ScratchFolder()
        folder.write(book, to: "book.pilotbook")
        return (folder, ["PILOT_TRUST_STORE": folder.file("trusted")])
    }

    @Test("from a pipe, an untrusted workbook with risky cells is refused: nothing runs, the file is untouched")
    func refused() throws {
        let (folder, environment) = Self.folder()
        let result = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "")
        #expect(result.status == 1)
        #expect(result.stderr == """
        error: book.pilotbook is not trusted, and 1 of its cells can change this machine:
          [2] shell · runs a shell command: sh echo ran > ran.txt; echo done
        hint: read them; if they are what you expect: pilot trust book.pilotbook (or pass --trust for this run)

        """)
        #expect(folder.read("book.pilotbook") == Self.book)
        #expect(!FileManager.default.fileExists(atPath: folder.file("ran.txt")))
        let check = try PilotProcess.run(["check", "book.pilotbook"], in: folder.path, environment: environment, input: "")
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("error: book.pilotbook is not trusted"))
    }

    @Test("--trust runs it this time only; pilot trust records it, and running or pilot's own saves keep it trusted")
    func trusted() throws {
        let (folder, environment) = Self.folder()
        let once = try PilotProcess.run(["run", "--trust", "book.pilotbook"], in: folder.path, environment: environment, input: "")
        #expect(once.status == 0)
        #expect(folder.read("ran.txt") == "ran\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("trusted")))
        #expect(try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "").status == 1)

        let trust = try PilotProcess.run(["trust", "book.pilotbook"], in: folder.path, environment: environment)
        #expect(trust.status == 0)
        #expect(trust.stdout == """
        trusted book.pilotbook; these cells may now run without asking:
          [2] shell · runs a shell command: sh echo ran > ran.txt; echo done

        """)
        // Running writes outputs: the code is the same, so it stays trusted.
        #expect(try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "").status == 0)
        #expect(try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "").status == 0)
        // Prose edited elsewhere: still trusted. A risky cell changed elsewhere: asked again.
        folder.write(folder.read("book.pilotbook").replacingOccurrences(of: "# Handed out", with: "# Handed out, with notes"), to: "book.pilotbook")
        #expect(try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "").status == 0)
        folder.write(folder.read("book.pilotbook").replacingOccurrences(of: "echo done", with: "echo done; rm -f ran.txt"), to: "book.pilotbook")
        let changed = try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "")
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("rm -f ran.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.file("ran.txt")))
    }

    @Test("a workbook without risky cells runs without trust")
    func harmless() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=a\nset seed=3\n```\n", to: "a.pilotbook")
        let result = try PilotProcess.run(["run", "a.pilotbook"], in: folder.path,
                                          environment: ["PILOT_TRUST_STORE": folder.file("trusted")], input: "")
        #expect(result.status == 0)
    }

    @Test("pilot open from a pipe: the risky cell is refused with a reason, the others run, its output stays as it was")
    func openUntrusted() throws {
        let (folder, environment) = Self.folder()
        let result = try PilotProcess.run(["open", "book.pilotbook"], in: folder.path, environment: environment,
                                          input: "\n\n:quit\n")
        #expect(result.status == 1)
        #expect(result.stderr == """
        book.pilotbook is not trusted, and 1 of its cells can change this machine:
          [2] shell · runs a shell command: sh echo ran > ran.txt; echo done
        those cells will not run (the others will); pilot open --trust, or pilot trust book.pilotbook, lets them
        error: cell shell was not run: it runs a shell command, and this workbook is not trusted
        hint: read the cell; if it is what you expect, run it again with --trust, or trust the workbook: pilot trust BOOK

        """)
        let book = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(book.output(forCell: "look")?.status == .ok)
        #expect(book.output(forCell: "shell") == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.file("ran.txt")))
    }

    @Test("at a terminal, pilot run lists the risky cells and asks; yes runs them and remembers")
    func askedAtTerminal() throws {
        let (folder, environment) = Self.folder()
        let terminal = try PseudoTerminal(["run", "book.pilotbook"], in: folder.path, environment: environment)
        try terminal.waitFor("[2] shell · runs a shell command: sh echo ran > ran.txt; echo done")
        try terminal.waitFor("Trust this workbook and let them run? [y/N] ")
        terminal.send("y\r")
        try terminal.waitFor("ran 2 of 2 cells")
        #expect(terminal.waitForExit() == 0)
        #expect(folder.read("ran.txt") == "ran\n")
        #expect(try PilotProcess.run(["run", "book.pilotbook"], in: folder.path, environment: environment, input: "").status == 0)
    }
}

extension TrustTests {
    @Test("at a terminal, pilot open asks once; declined, the risky cell is refused and the rest runs")
    func openDeclinedAtTerminal() throws {
        let (folder, environment) = Self.folder()
        let shell = try PseudoTerminal(["open", "book.pilotbook"], in: folder.path, environment: environment)
        try shell.waitFor("Trust this workbook and let them run? [y/N] ")
        shell.send("n\r")  // an answer, read by the terminal's line discipline
        try shell.waitFor("those cells will not run (the others will)")
        try shell.waitFor("pilot> ")
        try shell.type("\r")
        try shell.waitFor("[1/2] look ok")
        try shell.waitFor("pilot> ")
        try shell.type("\r")
        try shell.waitFor("error: cell shell was not run: it runs a shell command, and this workbook is not trusted")
        try shell.waitFor("pilot> ")
        try shell.type("sh echo typed by me\r")  // a cell the user types runs
        try shell.waitFor("typed by me")
        try shell.waitFor("pilot> ")
        try shell.type(":quit\r")
        _ = shell.waitForExit()
        #expect(!FileManager.default.fileExists(atPath: folder.file("ran.txt")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("trusted")))
    }
}

/// Parameters: a handed-out workbook run with the student's own values.
@Suite("Workbook parameters")
struct ParameterTests {
    @Test("pilot run --param overrides a params cell's default, and the cell's output records the values used")
    func override() throws {
        let folder = ScratchFolder()
        folder.write("```pilot id=params\nparams seed=5 budget=60s\n```\n\n```pilot id=use\nset rows=$seed\n```\n", to: "p.pilotbook")
        let defaults = try PilotProcess.run(["run", "p.pilotbook", "--output", "defaults.pilotbook"], in: folder.path)
        #expect(defaults.status == 0)
        #expect(folder.read("defaults.pilotbook").contains("""
        │ seed      │ 5     │ default │
        │ budget    │ 60s   │ default │
        """))
        let given = try PilotProcess.run(["run", "p.pilotbook", "--param", "seed=7"], in: folder.path)
        #expect(given.status == 0)
        let text = folder.read("p.pilotbook")
        #expect(text.contains("│ seed      │ 7     │ --param (default 5) │"))
        #expect(text.contains("rows = 7"))
    }
}
