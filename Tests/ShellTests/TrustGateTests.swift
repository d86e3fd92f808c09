import Foundation
import Kernel
@testable import Shell
import TestSupport
import Testing
import Workbook

@Suite("The trust decision")
struct TrustGateTests {
    static let book = "```pilot id=look\nset seed=1\n```\n\n```pilot id=shell\nsh echo hi\n```\n"
    let folder = ScratchFolder()
    var environment: [String: String] { ["PILOT_TRUST_STORE": folder.file("trusted")] }

    func decide(_ memory: MemoryConsole, scope: TrustGate.Scope, trustGiven: Bool = false) throws -> TrustGate.Decision {
        TrustGate.decide(try Workbook(parsing: Array(Self.book.utf8)), bookPath: "b.pilotbook", trustGiven: trustGiven,
                         refusing: scope, console: memory.console, environment: environment)
    }

    @Test("from a pipe: pilot run refuses the workbook with an error; pilot open refuses the risky cells")
    func refused() throws {
        let run = MemoryConsole([])
        #expect(try decide(run, scope: .workbook) == .refused)
        #expect(run.output.err == """
        error: b.pilotbook is not trusted, and 1 of its cells can change this machine:
          [2] shell · runs a shell command: sh echo hi
        hint: read them; if they are what you expect: pilot trust b.pilotbook (or pass --trust for this run)

        """)
        let open = MemoryConsole([])
        #expect(try decide(open, scope: .riskyCells) == .refused)
        #expect(open.output.err.hasSuffix("""
        sh echo hi
        those cells will not run (the others will); pilot open --trust, or pilot trust b.pilotbook, lets them

        """))
        #expect(try decide(MemoryConsole([]), scope: .workbook, trustGiven: true) == .run(keeping: nil))
    }

    @Test("at a terminal the user is asked; yes is recorded, and the next time nobody asks")
    func asked() throws {
        let memory = MemoryConsole(["y"], interactive: true, output: MemoryOutput(isTerminal: true))
        let decision = try decide(memory, scope: .workbook)
        guard case .run(let store) = decision else {
            Issue.record("refused: \(decision)")
            return
        }
        #expect(store?.path == folder.file("trusted"))
        #expect(FileManager.default.fileExists(atPath: folder.file("trusted")))
        #expect(memory.output.err.hasSuffix("sh echo hi\nTrust this workbook and let them run? [y/N] "))
        let again = MemoryConsole([], interactive: true, output: MemoryOutput(isTerminal: true))
        #expect(try decide(again, scope: .riskyCells) == .run(keeping: store))
        #expect(again.output.err == "")
    }
}
