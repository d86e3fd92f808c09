import Foundation
import TestSupport
import Testing
import Workbook

/// The interactive shell, driven through a pseudo-terminal as a person would use it.
@Suite("pilot's shell at a terminal", .serialized)
struct ShellTerminalTests {
    static let prompt = "pilot> "

    /// A folder with a small CSV and a history file of its own.
    static func folder() -> (ScratchFolder, [String: String]) {
        let folder = ScratchFolder()
        folder.write(GeneratedData.binaryCSV(rows: 300, seed: 3), to: "data.csv")
        return (folder, ["PILOT_HISTORY": folder.file("history")])
    }

    @Test("Tab completes a command and an option name; Ctrl-C clears the line")
    func completion() throws {
        let (folder, environment) = Self.folder()
        let shell = try PseudoTerminal([], in: folder.path, environment: environment)
        try shell.waitFor(Self.prompt)
        try shell.type("load data.csv as d\r")
        try shell.waitFor("300 rows × 4 columns")
        try shell.waitFor(Self.prompt)
        try shell.type("autop\t")
        try shell.waitFor("autopilot ")
        try shell.type("d tar\t")
        try shell.waitFor("target=")
        try shell.type("\u{03}")
        try shell.waitFor("^C")
        try shell.waitFor(Self.prompt)
        // The cleared line does not come back: this runs `shape d` alone.
        try shell.type("shape d\r")
        let shown = try shell.waitFor("columns")
        #expect(!shown.contains("error"))
        try shell.waitFor(Self.prompt)
        try shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }

    @Test("History is kept in PILOT_HISTORY across two sessions")
    func history() throws {
        let (folder, environment) = Self.folder()
        let first = try PseudoTerminal([], in: folder.path, environment: environment)
        try first.waitFor(Self.prompt)
        try first.type("load data.csv as remembered\r")
        try first.waitFor("300 rows")
        try first.waitFor(Self.prompt)
        try first.type("\u{04}")
        #expect(first.waitForExit() == 0)
        #expect(folder.read("history").contains("remembered"))

        let second = try PseudoTerminal([], in: folder.path, environment: environment)
        try second.waitFor(Self.prompt)
        try second.type("\u{10}")  // Ctrl-P: the previous entry
        try second.waitFor("load data.csv as remembered")
        try second.type("\r")
        try second.waitFor("remembered: 300 rows")
        try second.waitFor(Self.prompt)
        try second.type("\u{12}rememb")  // Ctrl-R searches the history
        try second.waitFor("load data.csv as remembered")
        try second.type("\u{03}")
        try second.waitFor(Self.prompt)
        try second.type(":quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test("Ctrl-C during autopilot interrupts the cell and the shell goes on")
    func interruptLongCommand() throws {
        let folder = ScratchFolder()
        folder.write(GeneratedData.binaryCSV(rows: 3000, seed: 5), to: "data.csv")
        let shell = try PseudoTerminal([], in: folder.path, environment: ["PILOT_HISTORY": folder.file("history")])
        try shell.waitFor(Self.prompt)
        try shell.type("load data.csv as d\r")
        try shell.waitFor(Self.prompt)
        try shell.type("autopilot d target=y as exp max_candidates=1000 max_runtime=30m\r")
        try shell.waitFor("1/1000]")
        shell.send("\u{03}")
        try shell.waitFor("stopping after the current step")
        try shell.waitFor("interrupted")
        try shell.waitFor(Self.prompt)
        try shell.type("shape d\r")
        try shell.waitFor("3000 rows")
        try shell.waitFor(Self.prompt)
        try shell.type(":save run.pilotbook\r")
        try shell.waitFor("saved 3 cells to run.pilotbook")
        try shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)

        let book = try Workbook(parsing: folder.bytes("run.pilotbook"))
        let statuses = book.cells.map { book.output(forCell: $0.id!)?.status }
        #expect(statuses == [.ok, .interrupted, .ok])
        #expect(book.cells[1].source == "autopilot d target=y as exp max_candidates=1000 max_runtime=30m\n")
    }

    @Test("Ctrl-C during pilot run stops the running cell; the run says where it stopped and exits 1")
    func interruptRun() throws {
        let folder = ScratchFolder()
        folder.write(GeneratedData.binaryCSV(rows: 3000, seed: 5), to: "data.csv")
        folder.write("""
        ```pilot id=load
        load data.csv as d
        ```

        ```pilot id=search
        autopilot d target=y as exp max_candidates=1000 max_runtime=30m
        ```

        ```pilot id=after
        shape d
        ```

        """, to: "book.pilotbook")
        let run = try PseudoTerminal(["run", "book.pilotbook"], in: folder.path)
        try run.waitFor("1/1000]")
        run.send("\u{03}")
        try run.waitFor("stopping after the current step")
        try run.waitFor("[2/3] search interrupted")
        try run.waitFor("book.pilotbook: ran 2 of 3 cells, interrupted at search; outputs saved")
        #expect(run.waitForExit() == 1)
        let book = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(book.cells.map { book.output(forCell: $0.id!)?.status } == [.ok, .interrupted, nil])
    }

    @Test("Japanese input is edited by character, echoed and run")
    func japanese() throws {
        let (folder, environment) = Self.folder()
        folder.write("名前,年齢\n山田,30\n佐藤,41\n", to: "顧客.csv")
        let shell = try PseudoTerminal([], in: folder.path, environment: environment)
        try shell.waitFor(Self.prompt)
        try shell.type("load 顧客.csv as kyaku\r")
        try shell.waitFor("kyaku: 2 rows × 2 columns")
        try shell.waitFor(Self.prompt)
        // One backspace removes the whole wide character.
        try shell.type("head kyaku顧\u{7F}\r")
        let shown = try shell.waitFor("佐藤")
        #expect(shown.contains("山田"))
        #expect(!shown.contains("error"))
        try shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }

    @Test("Tables fit a 40-column terminal, also after the window shrinks (SIGWINCH)")
    func narrowTerminal() throws {
        let (folder, environment) = Self.folder()
        let shell = try PseudoTerminal([], in: folder.path, environment: environment, columns: 100)
        try shell.waitFor(Self.prompt)
        try shell.type("load data.csv as d\r")
        try shell.waitFor(Self.prompt)
        shell.resize(columns: 40)
        try shell.type("head d\r")
        try shell.waitFor("head d")
        let table = try shell.waitFor(Self.prompt)
        let lines = table.split(separator: "\n").filter { !$0.hasPrefix(Self.prompt) }
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(table)")
        try shell.type("\u{04}")
        #expect(shell.waitForExit() == 0, "\(shell.screen)")
    }

    @Test("pilot open steps through a workbook with Enter and saves the outputs")
    func stepThrough() throws {
        let (folder, environment) = Self.folder()
        folder.write("""
        <!-- pilotbook v1 -->
        # A small book

        First we **load** the data with `load`.

        ```pilot id=load
        load data.csv as d
        ```

        Then we ask for its shape.

        ```pilot id=shape
        shape d
        ```

        """, to: "book.pilotbook")
        let shell = try PseudoTerminal(["open", "book.pilotbook"], in: folder.path, environment: environment)
        try shell.waitFor("First we load the data with load.")  // inline Markdown without its markers (NO_COLOR)
        try shell.waitFor("[1/2] id=load · not run")
        try shell.waitFor(Self.prompt)
        try shell.type("\r")
        try shell.waitFor("d: 300 rows × 4 columns")
        try shell.waitFor("Then we ask for its shape.")
        try shell.waitFor("[2/2] id=shape · not run")
        try shell.waitFor(Self.prompt)
        try shell.type("\r")
        try shell.waitFor("300 rows × 4 columns")
        try shell.waitFor("end of the workbook")
        try shell.type(":list\r")
        try shell.waitFor("shape          ok")
        try shell.type(":quit\r")
        #expect(shell.waitForExit() == 0)

        let book = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(book.output(forCell: "load")?.status == .ok)
        #expect(book.output(forCell: "shape")?.status == .ok)
        #expect(book.output(forCell: "shape")?.items == [.text("d: 300 rows × 4 columns\n")])
    }
}

extension ShellTerminalTests {
    static let twoCells = """
    <!-- pilotbook v1 -->
    # Two cells

    ```pilot id=first
    set seed=1
    ```

    ```pilot id=second
    vars
    ```

    """

    @Test(":edit opens $EDITOR on the cell; the new source is saved and its old output marked stale")
    func editInEditor() throws {
        let (folder, environment) = Self.folder()
        folder.write(Self.twoCells, to: "book.pilotbook")
        var withEditor = environment
        withEditor["EDITOR"] = "sed -i s/seed=1/seed=9/"
        let shell = try PseudoTerminal(["open", "book.pilotbook"], in: folder.path, environment: withEditor)
        try shell.waitFor("[1/2] id=first · not run")
        try shell.waitFor(Self.prompt)
        try shell.type(":run\r")
        try shell.waitFor("seed = 1")
        try shell.waitFor(Self.prompt)
        try shell.type(":edit\r")
        try shell.waitFor("[1/2] id=first · output ok (stale: the cell changed since)")
        try shell.waitFor("│ set seed=9")
        try shell.waitFor(Self.prompt)
        let saved = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(saved.cells[0].source == "set seed=9\n")
        #expect(saved.output(forCell: "first")?.items == [.text("seed = 1\n")])
        try shell.type("\r")
        try shell.waitFor("seed = 9")
        try shell.waitFor("[2/2] id=second")
        try shell.waitFor(Self.prompt)
        try shell.type(":quit\r")
        #expect(shell.waitForExit() == 0)
        let ran = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(ran.output(forCell: "first")?.items == [.text("seed = 9\n")])
    }

    @Test("A workbook changed on disk while open: pilot asks, and 'k' keeps both versions")
    func changedOnDisk() throws {
        let (folder, environment) = Self.folder()
        folder.write(Self.twoCells, to: "book.pilotbook")
        let shell = try PseudoTerminal(["open", "book.pilotbook"], in: folder.path, environment: environment)
        try shell.waitFor(Self.prompt)
        let theirs = Self.twoCells.replacingOccurrences(of: "# Two cells", with: "# Two cells, edited elsewhere")
        folder.write(theirs, to: "book.pilotbook")
        try shell.type("\r")
        try shell.waitFor("book.pilotbook changed on disk since pilot read it")
        try shell.waitFor("[o/k] ")
        shell.send("k\r")  // an answer, read by the terminal's line discipline
        try shell.waitFor("book.conflict.pilotbook")
        try shell.waitFor(Self.prompt)
        // The cell stays current; run again, then the next: both saved beside it, without asking.
        try shell.type("\r")
        try shell.waitFor("[1/2] first ok")
        try shell.waitFor(Self.prompt)
        try shell.type("\r")
        try shell.waitFor("[2/2] second ok")
        try shell.waitFor(Self.prompt)
        try shell.type(":quit\r")
        #expect(shell.waitForExit() == 0)
        #expect(folder.read("book.pilotbook") == theirs)
        let ours = try Workbook(parsing: folder.bytes("book.conflict.pilotbook"))
        #expect(ours.output(forCell: "first")?.items == [.text("seed = 1\n")])
        #expect(ours.output(forCell: "second")?.status == .ok)
    }

    @Test("A workbook changed on disk while open: 'o' overwrites it with pilot's version")
    func overwriteChangedOnDisk() throws {
        let (folder, environment) = Self.folder()
        folder.write(Self.twoCells, to: "book.pilotbook")
        let shell = try PseudoTerminal(["open", "book.pilotbook"], in: folder.path, environment: environment)
        try shell.waitFor(Self.prompt)
        folder.write(Self.twoCells + "\nA line added elsewhere.\n", to: "book.pilotbook")
        try shell.type("\r")
        try shell.waitFor("[o/k] ")
        shell.send("o\r")
        try shell.waitFor("[1/2] first ok")
        try shell.waitFor(Self.prompt)
        try shell.type(":quit\r")
        #expect(shell.waitForExit() == 0)
        #expect(!folder.read("book.pilotbook").contains("A line added elsewhere."))
        #expect(!FileManager.default.fileExists(atPath: folder.file("book.conflict.pilotbook")))
        let saved = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(saved.output(forCell: "first")?.status == .ok)
    }
}

/// The shell when standard input is a pipe.
@Suite("pilot's shell from a pipe")
struct ShellPipeTests {
    @Test("reads commands line by line: no prompt, no history file, exit 1 when one failed")
    func pipe() throws {
        let folder = ScratchFolder()
        folder.write(GeneratedData.binaryCSV(rows: 300, seed: 3), to: "data.csv")
        let environment = ["PILOT_HISTORY": folder.file("history")]
        let ok = try PilotProcess.run([], in: folder.path, environment: environment,
                                      input: "load data.csv as d\nshape d\n")
        #expect(ok.status == 0)
        #expect(ok.stdout == "d: 300 rows × 4 columns (data.csv)\ncolumns: 2 float, 2 string\nd: 300 rows × 4 columns\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("history")))

        let failed = try PilotProcess.run([], in: folder.path, environment: environment,
                                          input: "shape d\nload data.csv as d\n")
        #expect(failed.status == 1)
        #expect(failed.stdout.hasPrefix("error: "))
        #expect(failed.stdout.contains("d: 300 rows × 4 columns (data.csv)"))
    }

    @Test("pilot open from a pipe: empty lines run the cells in turn and save them")
    func openFromPipe() throws {
        let folder = ScratchFolder()
        folder.write("# T\n\n```pilot id=a\nset seed=1\n```\n\n```pilot id=b\nvars\n```\n", to: "t.pilotbook")
        let result = try PilotProcess.run(["open", "t.pilotbook"], in: folder.path, input: "\n\n:quit\n")
        #expect(result.status == 0)
        let book = try Workbook(parsing: folder.bytes("t.pilotbook"))
        #expect(book.output(forCell: "a")?.status == .ok)
        #expect(book.output(forCell: "b")?.status == .ok)
    }

    @Test("pilot open from a pipe: :goto, :delete, :insert, :edit and :run-all change and run the workbook")
    func editFromPipe() throws {
        let folder = ScratchFolder()
        folder.write("# T\n\nFirst.\n\n```pilot id=a\nset seed=1\n```\n\nSecond.\n\n```pilot id=b\nvars\n```\n\n```pilot id=c\nset seed=3\n```\n",
                     to: "t.pilotbook")
        let input = [":goto c", ":delete", ":goto 1", ":insert", "set seed=2", ":edit", "set seed=5", ":goto x", ":bogus",
                     ":run-all", ":quit"].joined(separator: "\n") + "\n"
        let result = try PilotProcess.run(["open", "t.pilotbook"], in: folder.path, input: input)
        #expect(result.status == 0)
        #expect(result.stderr == """
        error: no cell with id 'x'
        hint: did you mean 'a'?
        error: unknown shell command ':bogus'
        hint: shell commands are :next :prev :goto :list :run :run-all :edit :insert :delete :save :quit :help

        """)
        let book = try Workbook(parsing: folder.bytes("t.pilotbook"))
        #expect(book.cells.map(\.id) == ["a", "set", "b"])
        #expect(book.cells.map(\.source) == ["set seed=1\n", "set seed=5\n", "vars\n"])
        #expect(book.cells.map { book.output(forCell: $0.id!)?.status } == [.ok, .ok, .ok])
        #expect(book.output(forCell: "set")?.items == [.text("seed = 5\n")])
        #expect(folder.read("t.pilotbook").contains("Second.\n\n```pilot id=b"))
    }
}
