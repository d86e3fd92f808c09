import Foundation
import TestSupport
import Testing

/// A class's hand-ins checked with `pilot check`: each with the values its student ran it with,
/// verdicts in a gradebook CSV and a JUnit file.
@Suite("Grading a class with pilot check", .serialized)
struct GradingTests {
    /// The students and the values they ran the hand-out with.
    static let students: [(String, [String])] = [
        ("anna", []), ("ben", ["--param", "seed=17", "--param", "ratio=0.8"]), ("carl", ["--param", "seed=5"]),
    ]

    /// A folder with the data and each student's hand-in, run with `pilot run` and their values.
    static func handIns() throws -> ScratchFolder {
        let folder = ScratchFolder("grading")
        folder.write(HandOut.data, to: "data.csv")
        for (name, parameters) in students {
            folder.write(HandOut.book, to: "\(name).pilotbook")
            let run = try PilotProcess.run(["run", "\(name).pilotbook"] + parameters, in: folder.path)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
        // What the students ran stays with them: the teacher's folder holds the files only.
        try? FileManager.default.removeItem(atPath: folder.file(".pilot"))
        return folder
    }

    @Test("hand-ins run with different --param values all pass without the teacher giving them")
    func ownValues() throws {
        let folder = try Self.handIns()
        let check = try PilotProcess.run(["check", "anna.pilotbook", "ben.pilotbook", "carl.pilotbook"], in: folder.path)
        #expect(check.stdout == """
            ok: anna.pilotbook (seed=1, ratio=0.7): 2 cells match their stored outputs
            ok: ben.pilotbook (seed=17, ratio=0.8): 2 cells match their stored outputs
            ok: carl.pilotbook (seed=5, ratio=0.7): 2 cells match their stored outputs
            3 of 3 workbooks match their stored outputs

            """, "\(check.stderr)")
        #expect(check.status == 0)
        #expect(check.stderr == "")
        // Checking writes nothing beside the hand-ins.
        #expect(!FileManager.default.fileExists(atPath: folder.file(".pilot")))
    }

    @Test("a tampered output fails; an edited params cell whose output is stale is reported, not run with defaults")
    func tamperedAndStale() throws {
        let folder = try Self.handIns()
        let ben = folder.read("ben.pilotbook")
        let tampered = Self.tamper(ben)
        #expect(tampered != ben)
        folder.write(tampered, to: "ben.pilotbook")
        folder.write(
            folder.read("carl.pilotbook").replacingOccurrences(of: "params seed=1 ratio=0.7", with: "params seed=1 ratio=0.9"),
            to: "carl.pilotbook")
        let check = try PilotProcess.run(["check", "anna.pilotbook", "ben.pilotbook", "carl.pilotbook"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("cell 'split' (line 18):\n--- stored output of 'split'\n+++ output of 'split' now\n"))
        #expect(check.stdout.hasSuffix("""
            FAILED: ben.pilotbook (seed=17, ratio=0.8): 1 of 2 cells differ from the stored outputs
            NOT RUN: carl.pilotbook: its recorded parameter values cannot be used
            1 of 3 workbooks match their stored outputs

            """), "\(check.stdout)")
        #expect(check.stderr == """
            error: carl.pilotbook: the params cell 'params' (line 3) changed after it ran: its output does not say \
            which values were used
            hint: run the workbook again (pilot run BOOK --param ...), or give every value to check with --param

            """)
    }

    @Test("--report and --junit: a CSV Python's csv module reads, JUnit XML valid against JUnit.xsd",
          .enabled(if: ProcessInfo.processInfo.environment["PILOT_XML_PYTHON"] != nil, "needs PILOT_XML_PYTHON"))
    func reports() throws {
        let folder = try Self.handIns()
        folder.write(Self.tamper(folder.read("ben.pilotbook")), to: "ben.pilotbook")
        folder.write("```pilot\nunclosed\n", to: "dora.pilotbook")
        let check = try PilotProcess.run(
            ["check", "--report", "grades.csv", "--junit", "grades.xml", "anna.pilotbook", "ben.pilotbook",
             "carl.pilotbook", "dora.pilotbook"], in: folder.path)
        #expect(check.status == 1)
        let xsd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/JUnit.xsd").path
        folder.write(Self.checker, to: "checker.py")
        let python = try PilotProcess.execute(
            ProcessInfo.processInfo.environment["PILOT_XML_PYTHON"]!, ["checker.py", xsd, "grades.xml", "grades.csv"],
            in: folder.path, environment: ProcessInfo.processInfo.environment)
        #expect(python.stderr == "")
        #expect(python.stdout == """
            junit: valid
            anna.pilotbook|ok|seed=1, ratio=0.7|2|2|0||0|
            ben.pilotbook|FAILED|seed=17, ratio=0.8|2|2|1|split|0|
            carl.pilotbook|ok|seed=5, ratio=0.7|2|2|0||0|
            dora.pilotbook|NOT RUN||0|0|0||0|
            suites 4, tests 7, failures 1, errors 1

            """)
    }

    @Test("thirty hand-ins checked two at a time give the same report, JUnit file and output as one at a time")
    func sideBySide() throws {
        let folder = try Self.handIns()
        let names = (1...30).map { String(format: "student-%02d.pilotbook", $0) }
        for (index, name) in names.enumerated() {
            let text = folder.read("\(Self.students[index % 3].0).pilotbook")
            folder.write(index == 7 ? Self.tamper(text) : text, to: name)
        }
        var results: [[String]] = []
        for jobs in ["1", "2"] {
            let check = try PilotProcess.run(
                ["check", "--jobs", jobs, "--report", "jobs-\(jobs).csv", "--junit", "jobs-\(jobs).xml"] + names,
                in: folder.path, environment: ["SOURCE_DATE_EPOCH": "1764500000"])
            #expect(check.status == 1)
            results.append([check.stdout, check.stderr, folder.read("jobs-\(jobs).csv"), folder.read("jobs-\(jobs).xml")])
        }
        #expect(results[0] == results[1])
        #expect(results[0][0].hasSuffix("FAILED: student-08.pilotbook (seed=17, ratio=0.8): 1 of 2 cells differ from the stored outputs\n"
            + names[8...].map { "ok: \($0) (\(Self.values[names.firstIndex(of: $0)! % 3])): 2 cells match their stored outputs\n" }.joined()
            + "29 of 30 workbooks match their stored outputs\n"))
        #expect(results[0][3].contains(#"timestamp="2025-11-30T10:53:20""#))
    }

    static let values = ["seed=1, ratio=0.7", "seed=17, ratio=0.8", "seed=5, ratio=0.7"]

    /// The hand-in with one number of the split's output changed by hand.
    static func tamper(_ text: String) -> String {
        text.replacingOccurrences(of: "data: 20 rows", with: "data: 21 rows")
    }

    /// Validates the JUnit file against the schema (xmlschema, else lxml) and prints the CSV's rows
    /// as Python's csv module reads them.
    static let checker = """
        import csv, sys
        import xml.etree.ElementTree as ET
        xsd, xml, table = sys.argv[1:4]
        try:
            import xmlschema
            xmlschema.XMLSchema(xsd).validate(xml)
        except ImportError:
            from lxml import etree
            etree.XMLSchema(etree.parse(xsd)).assertValid(etree.parse(xml))
        print("junit: valid")
        with open(table, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["file", "verdict", "parameters", "cells", "checked", "differing", "differing_cells",
                           "not_run", "not_run_why"], rows[0]
        for row in rows[1:]:
            print("|".join(row))
        root = ET.parse(xml).getroot()
        suites = root.findall("testsuite")
        count = lambda name: sum(int(s.get(name)) for s in suites)
        print(f"suites {len(suites)}, tests {count('tests')}, failures {count('failures')}, errors {count('errors')}")

        """
}

/// Checks side by side of workbooks that deploy endpoints: each job listens on ports of its own.
@Suite("pilot check --jobs with endpoints", .serialized)
struct GradingEndpointTests {
    static let book = """
        ```pilot id=train
        load data.csv as data
        autopilot data target=y as exp max_candidates=2 max_runtime=60s
        ```

        ```pilot id=deploy
        deploy exp.best as ep
        endpoints
        predict ep "c1,1.5,1,red"
        ```

        """

    @Test("two hand-ins that deploy, checked two at a time: each endpoint on its job's ports, both match")
    func deployed() throws {
        let folder = ScratchFolder("grading-deploy")
        folder.write(GeneratedData.binaryCSV(rows: 200, seed: 5, withID: true), to: "data.csv")
        folder.write(Self.book, to: "anna.pilotbook")
        // Ports of its own, away from 8080, where other tests and the user's endpoints listen.
        let environment = ["PILOT_FIRST_PORT": "9300"]
        let run = try PilotProcess.run(["run", "--trust", "anna.pilotbook"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(folder.read("anna.pilotbook").contains("deployed exp.best as endpoint 'ep': http://127.0.0.1:9300\n"))
        try? FileManager.default.removeItem(atPath: folder.file(".pilot"))
        folder.write(folder.read("anna.pilotbook"), to: "ben.pilotbook")
        let check = try PilotProcess.run(
            ["check", "--trust", "--jobs", "2", "anna.pilotbook", "ben.pilotbook"], in: folder.path,
            environment: environment)
        #expect(check.stdout == """
            ok: anna.pilotbook: 2 cells match their stored outputs
            ok: ben.pilotbook: 2 cells match their stored outputs
            2 of 2 workbooks match their stored outputs

            """, "\(check.stderr)")
        #expect(check.status == 0)
    }
}
