import Foundation
import Kernel
@testable import Shell
import TestSupport
import Testing
import Workbook

/// `pilot open`'s step-through, in-process: typed lines in, the terminal's text and the saved
/// workbook out.
@Suite("Stepping through a workbook, in-process")
struct StepThroughTests {
    static let book = """
    # Three cells

    First the seed.

    ```pilot id=seed
    set seed=1
    ```

    ```pilot id=broken
    help nothing-like-this
    ```

    ```pilot id=last
    vars
    ```

    """

    let folder = ScratchFolder()

    init() {
        folder.write(Self.book, to: "book.pilotbook")
    }

    func open(_ memory: MemoryConsole, services: [any Sendable] = []) throws -> StepThrough {
        let environment = ["PILOT_TRUST_STORE": folder.file("trusted")]
        return try StepThrough(bookPath: folder.file("book.pilotbook"),
                               services: ShellServices(environment: environment, services: services),
                               console: memory.console)
    }

    @Test("Enter runs and moves on; a failing cell stays current; :list, :goto, an unknown command; saved")
    func steps() throws {
        let memory = MemoryConsole(["", "", ":list", ":goto brokn", ":goto 3", ":nxet", "", ":quit"])
        #expect(try open(memory).run() == 1)
        let out = PilotOutput.withoutTimings(memory.output.out)
        #expect(out.contains("""
        seed = 1
        [1/3] seed ok, saved


        [2/3] id=broken · not run
        │ help nothing-like-this
        error: no command named 'nothing-like-this'
        hint: run 'help' to list the commands
        [2/3] broken error, saved
          1 seed           ok           set seed=1
        > 2 broken         error        help nothing-like-this
          3 last           not run      vars
        """))
        #expect(out.hasSuffix("[3/3] last ok, saved\nend of the workbook: :list shows the cells, :quit leaves\n"))
        #expect(memory.output.err == """
        error: no cell with id 'brokn'
        hint: did you mean 'broken'?
        error: unknown shell command ':nxet'
        hint: did you mean ':next'?

        """)
        let saved = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(saved.cells.map { saved.output(forCell: $0.id!)?.status } == [.ok, .error, .ok])
    }

    @Test(":help lists the commands from the table, with Enter and other text")
    func help() throws {
        let memory = MemoryConsole([":help"])
        _ = try open(memory).run()
        #expect(memory.output.out.contains("""
          Enter           run the current cell, save its output and move to the next
          :next           move to the next cell
          :prev           move to the previous cell
          :goto N|ID      move to cell N (from 1) or to the cell with this id
          :list           list the cells with their status
          :run            run the current cell and stay on it
          :run-all        run every cell from the first, stopping at a failure
          :edit           edit the current cell ($EDITOR, or line by line here when it is unset)
          :insert         type a new cell to insert after the current one
          :delete         delete the current cell and its output
          :save           save the workbook now (it is saved after every cell anyway)
          :quit           save and leave (Ctrl-D does the same)
          :help           show these commands; 'help' lists the cell commands
          other text      runs as a new cell inserted after the current one

        """))
    }

    @Test("Ctrl-C at the prompt clears the line; Ctrl-C during a typed cell interrupts it, which is saved so")
    func ctrlC() throws {
        let memory = MemoryConsole([.ctrlC, "download https://example.com/big.csv", ":quit"], interactive: true)
        let stepper = try open(memory, services: [CtrlCDuringDownload(interrupts: memory.interrupts)])
        #expect(stepper.run() == 0)
        #expect(memory.output.both.contains("""
        stopping after the current step (Ctrl-C again to quit now)
        error: interrupted
        hint: download it again
        """))
        #expect(PilotOutput.withoutTimings(memory.output.out).contains("[2/4] download interrupted, saved\n"))
        #expect(memory.quits.value == 0)
        let saved = try Workbook(parsing: folder.bytes("book.pilotbook"))
        #expect(saved.cells.map(\.id) == ["seed", "download", "broken", "last"])
        #expect(saved.cells.map { saved.output(forCell: $0.id!)?.status } == [nil, .interrupted, nil, nil])
    }

    @Test("completion offers the step-through's : commands from its table")
    func completion() throws {
        let memory = MemoryConsole([])
        _ = try open(memory)
        #expect(memory.lines.completer?.complete(":r").candidates == [":run", ":run-all"])
    }
}

/// Live timings (`12ms`, `1.2s`) removed from status lines, which are never stored.
enum PilotOutput {
    static func withoutTimings(_ text: String) -> String {
        text.replacing(#/ \d+(\.\d+)?(ms|s)(?=(, saved)?$)/#.anchorsMatchLineEndings(), with: "")
    }
}
