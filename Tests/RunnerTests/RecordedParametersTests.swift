import Diagnostics
import Foundation
import TestSupport
import Testing
import Workbook

@testable import Runner

extension HandOut {
    /// A folder with the data and the workbook run with `parameters`, as a student hands it in.
    static func handedIn(_ parameters: [(String, String)] = [], name: String = "hw.pilotbook") throws -> ScratchFolder {
        let folder = ScratchFolder()
        folder.write(data, to: "data.csv")
        folder.write(book, to: name)
        _ = try BookRunner(bookPath: folder.file(name), parameters: parameters).runAll()
        return folder
    }
}

@Suite("The parameter values a params output records")
struct RecordedParametersTests {
    @Test("reads each value and whether it came from --param, in the table's order")
    func reads() throws {
        let folder = try HandOut.handedIn([("seed", "17")])
        let recorded = try RecordedParameters.read(from: BookFile(path: folder.file("hw.pilotbook")).workbook)
        #expect(
            recorded.values == [
                .init(name: "seed", value: "17", wasGiven: true), .init(name: "ratio", value: "0.7", wasGiven: false),
            ])
        #expect(recorded.overrides.map { "\($0.0)=\($0.1)" } == ["seed=17"])
    }

    @Test("a workbook without a params cell, or never run, records nothing")
    func nothing() throws {
        let folder = ScratchFolder()
        folder.write(HandOut.book, to: "hw.pilotbook")
        #expect(try RecordedParameters.read(from: BookFile(path: folder.file("hw.pilotbook")).workbook).values == [])
        folder.write("```pilot id=a\nset seed=2\n```\n", to: "a.pilotbook")
        #expect(try RecordedParameters.read(from: BookFile(path: folder.file("a.pilotbook")).workbook).values == [])
    }

    @Test(
        "an output that was edited or went stale is reported, never read",
        arguments: [
            (
                "│ ratio     │ 0.7   │ default ", "│ ratoi     │ 0.7   │ default ",
                "the output of the params cell 'params' (line 3) records 'ratoi', which the cell does not declare"
            ),
            (
                "params seed=1 ratio=0.7\n```\n\n", "params seed=1 ratio=0.9\n```\n\n",
                "the params cell 'params' (line 3) changed after it ran: its output does not say which values were used"
            ),
            (
                "│ ratio     │ 0.7   │ default ", "│ ratio     │ 0.7   │ guessed ",
                "the output of the params cell 'params' (line 3) is not the table params prints "
                    + "(row 'ratio' comes from 'guessed'): the values used cannot be read"
            ),
            (
                "│ parameter │", "│ name      │",
                "the output of the params cell 'params' (line 3) is not the table params prints "
                    + "(no header): the values used cannot be read"
            ),
        ])
    func edited(change: (String, String, String)) throws {
        let folder = try HandOut.handedIn()
        let text = folder.read("hw.pilotbook")
        #expect(text.contains(change.0))
        folder.write(text.replacingOccurrences(of: change.0, with: change.1), to: "hw.pilotbook")
        #expect(throws: Diagnostic.self) {
            try RecordedParameters.read(from: BookFile(path: folder.file("hw.pilotbook")).workbook)
        }
        do {
            _ = try RecordedParameters.read(from: BookFile(path: folder.file("hw.pilotbook")).workbook)
        } catch let error as Diagnostic {
            #expect(error.message == change.2)
        }
    }
}

@Suite("pilot check with the recorded parameter values")
struct RecordedCheckTests {
    @Test("hand-ins run with different --param values pass without the values being given again")
    func eachWithItsOwn() throws {
        for parameters in [[], [("seed", "17")], [("seed", "5"), ("ratio", "0.5")]] {
            let folder = try HandOut.handedIn(parameters)
            let before = folder.bytes("hw.pilotbook")
            let report = try BookCheck(bookPath: folder.file("hw.pilotbook")).run()
            #expect(report.passed, "\(report.differences.map(\.diff))")
            #expect(folder.bytes("hw.pilotbook") == before)
            #expect(!FileManager.default.fileExists(atPath: folder.file(".pilot")))
        }
        let folder = try HandOut.handedIn([("seed", "17")])
        let report = try BookCheck(bookPath: "\(folder.path)/hw.pilotbook").run()
        #expect(report.verdict == "ok: \(folder.path)/hw.pilotbook (seed=17, ratio=0.7): 2 cells match their stored outputs")
    }

    @Test("--param given to check overrides the recorded value; the params output then differs")
    func overridden() throws {
        let folder = try HandOut.handedIn([("seed", "17")])
        let report = try BookCheck(bookPath: folder.file("hw.pilotbook"), parameters: [("ratio", "0.5")]).run()
        #expect(report.parameters.map(\.value) == ["17", "0.5"])
        #expect(report.differences.map(\.cellID) == ["params", "split"])
    }

    @Test("a stale params output is no obstacle when check is given every declared value")
    func staleButGiven() throws {
        let folder = try HandOut.handedIn([("seed", "17")])
        let text = folder.read("hw.pilotbook")
        folder.write(text.replacingOccurrences(of: "params seed=1 ratio=0.7\n", with: "params seed=1 ratio=0.9\n"), to: "hw.pilotbook")
        #expect(throws: CheckError.self) {
            try BookCheck(bookPath: folder.file("hw.pilotbook"), parameters: [("seed", "17")]).run()
        }
        let report = try BookCheck(bookPath: folder.file("hw.pilotbook"), parameters: [("seed", "17"), ("ratio", "0.7")]).run()
        #expect(report.parameters.map { "\($0.name)=\($0.value)" } == ["seed=17", "ratio=0.7"])
        // The split is as the student's; the params table now says both came from --param.
        #expect(report.differences.map(\.cellID) == ["params"])
        #expect(report.differences.map(\.wasStale) == [true])
    }

    @Test("a recorded value that does not parse is reported, not replaced by the default")
    func badValue() throws {
        let folder = try HandOut.handedIn([("seed", "17")])
        folder.write(
            folder.read("hw.pilotbook").replacingOccurrences(of: "│ seed      │ 17 ", with: "│ seed      │ xy "),
            to: "hw.pilotbook")
        #expect(throws: CheckError.self) { try BookCheck(bookPath: folder.file("hw.pilotbook")).run() }
        do {
            _ = try BookCheck(bookPath: folder.file("hw.pilotbook")).run()
        } catch {
            #expect(error.reason == "its recorded parameter values cannot be used")
            #expect(error.diagnostic.message.contains("the recorded value seed=xy cannot be used: "))
        }
    }
}

@Suite("pilot check --tolerance")
struct ToleranceCheckTests {
    @Test("a statistic off in the last digit fails exactly and passes within 1e-4; a larger change fails both")
    func lastDigit() throws {
        let folder = ScratchFolder()
        folder.write(HandOut.data, to: "data.csv")
        folder.write("```pilot id=d\nload data.csv as data\ndescribe data\n```\n", to: "d.pilotbook")
        _ = try BookRunner(bookPath: folder.file("d.pilotbook")).runAll()
        let text = folder.read("d.pilotbook")
        #expect(text.contains("│ std   │  5.91608 │"))
        for (edit, within) in [("5.91609", true), ("5.92608", false)] {
            folder.write(text.replacingOccurrences(of: "5.91608", with: edit), to: "d.pilotbook")
            #expect(try BookCheck(bookPath: folder.file("d.pilotbook")).run().differences.map(\.cellID) == ["d"])
            var check = BookCheck(bookPath: folder.file("d.pilotbook"))
            check.tolerance = NumericTolerance(relative: 1e-4)
            let report = try check.run()
            #expect(report.passed == within)
            if !within { #expect(report.differences[0].diff.contains("-│ std   │  5.92608 │\n+│ std   │  5.91608 │\n")) }
        }
    }
}

@Suite("The scratch folder of pilot check")
struct ScratchCopyTests {
    @Test("cells read what lies beside the workbook and write into the scratch folder, never the hand-in's")
    func linked() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.file("data"), withIntermediateDirectories: true)
        folder.write(HandOut.data, to: "data/x.csv")
        folder.write("```pilot id=io\nload data/x.csv as d\nsave d to data/y.csv\nsave d to z.csv\n```\n", to: "io.pilotbook")
        _ = try BookRunner(bookPath: folder.file("io.pilotbook")).runAll()
        for name in ["data/y.csv", "z.csv", ".pilot"] { try? FileManager.default.removeItem(atPath: folder.file(name)) }
        let report = try BookCheck(bookPath: folder.file("io.pilotbook")).run()
        #expect(report.passed, "\(report.differences.map(\.diff))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("data")) == ["x.csv"])
        #expect(!FileManager.default.fileExists(atPath: folder.file("z.csv")))
    }
}
