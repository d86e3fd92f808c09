import Foundation
import Kernel
@testable import Shell
import TestSupport
import Testing
import Workbook

/// The scratch shell, in-process: typed lines in, the terminal's text out.
@Suite("The scratch shell, in-process")
struct ScratchShellTests {
    let folder = ScratchFolder()

    init() {
        folder.write("x,y\n1,a\n2,b\n3,a\n", to: "data.csv")
    }

    func shell(_ memory: MemoryConsole, services: [any Sendable] = []) -> ScratchShell {
        let environment = ["PILOT_TRUST_STORE": folder.file("trusted")]
        return ScratchShell(services: ShellServices(environment: environment, services: services),
                            console: memory.console, folder: folder.path)
    }

    @Test("runs each line as a cell; :help, an unknown command's hint, :save writes what was run")
    func session() throws {
        let memory = MemoryConsole([
            "load data.csv as d", "shape d", ":help", ":sav run", ":save run", ":quit", "shape d",
        ])
        #expect(shell(memory).run() == 0)
        #expect(memory.output.out == """
        d: 3 rows × 2 columns (data.csv)
        columns: 1 integer, 1 string
        d: 3 rows × 2 columns
          :save PATH      write what was run as a new workbook (:save! PATH replaces a file)
          :help           show these commands; 'help' lists the cell commands
          :quit           leave (Ctrl-D on an empty line does the same)
        saved 2 cells to run.pilotbook
        saved 2 cells to run.pilotbook

        """)
        #expect(memory.output.err == """
        error: unknown shell command ':sav'
        hint: did you mean ':save'?

        """)
        let book = try Workbook(parsing: folder.bytes("run.pilotbook"))
        #expect(book.cells.map(\.source) == ["load data.csv as d\n", "shape d\n"])
        #expect(memory.lines.history == ["load data.csv as d", "shape d", ":help", ":sav run", ":save run", ":quit"])
    }

    @Test("from a pipe, a failed cell makes the exit status 1; :save will not replace a file without !")
    func failure() throws {
        folder.write("kept\n", to: "taken.pilotbook")
        let memory = MemoryConsole(["shape nothing", ":save taken", ":bogus"])
        #expect(shell(memory).run() == 1)
        #expect(memory.output.out.hasPrefix("error: "))
        #expect(memory.output.err == """
        error: taken.pilotbook already exists; not overwriting it
        hint: choose another name, or :save! taken.pilotbook to replace it
        error: unknown shell command ':bogus'
        hint: shell commands are :save :help :quit

        """)
        #expect(folder.read("taken.pilotbook") == "kept\n")
    }

    @Test("at a prompt: Ctrl-C clears the line; Ctrl-C during a cell interrupts it and the shell goes on")
    func ctrlC() throws {
        let memory = MemoryConsole([
            .ctrlC, "download https://example.com/big.csv", "shape d", "load data.csv as d", ":save! run",
        ], interactive: true)
        let shell = shell(memory, services: [CtrlCDuringDownload(interrupts: memory.interrupts)])
        #expect(shell.run() == 0)
        #expect(memory.lines.prompts.allSatisfy { $0 == "pilot> " })
        #expect(memory.output.both.contains("""
        stopping after the current step (Ctrl-C again to quit now)
        error: interrupted
        hint: download it again
        interrupted

        """))
        #expect(memory.quits.value == 0)
        let book = try Workbook(parsing: folder.bytes("run.pilotbook"))
        #expect(book.cells.map { book.output(forCell: $0.id!)?.status } == [.interrupted, .error, .ok])
    }

    @Test("completion offers the shell's : commands from its table")
    func completion() {
        let memory = MemoryConsole([])
        _ = shell(memory)
        #expect(memory.lines.completer?.complete(":s").candidates == [":save", ":save!"])
        #expect(memory.lines.completer?.complete(":").candidates == [":save", ":save!", ":help", ":quit"])
    }
}
