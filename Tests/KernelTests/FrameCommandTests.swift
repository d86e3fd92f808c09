import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

@Suite("Frame commands")
struct FrameCommandTests {
    static let csv = """
        "age";"job";"balance";"y"
        30;"admin.";1.5;"no"
        45;"technician";-2.25;"yes"
        61;"retired";;"no"
        38;"admin.";10;"no"
        52;"日本語の職業";0.5;"yes"

        """

    final class Fixture {
        let folder = ScratchFolder("frames")
        let session: Session
        init() {
            folder.write(FrameCommandTests.csv, to: "data/people.csv")
            session = Session(workingDirectory: folder.path)
        }

        func run(_ source: String) -> (status: Kernel.Status, text: String) {
            let result = Kernel.standard.run(cell: source, in: session)
            let text = result.transcript(image: "[image]\n")
            return (result.status, text)
        }
    }

    @Test("load, head, tail, shape, schema, describe, counts: the output users see")
    func tour() {
        let f = Fixture()
        let result = f.run(
            """
            load data/people.csv as people
            head people 3
            tail people 2
            shape people
            schema people
            describe people
            describe people all
            counts people job
            """)
        #expect(result.status == .ok)
        #expect(result.text == Snapshot.expected(result.text, named: "frame-tour.txt"))
    }

    @Test("hist draws bars and an SVG that is the same every time")
    func hist() {
        let f = Fixture()
        _ = f.run("load data/people.csv as people")
        let a = Kernel.standard.run(cell: "hist people age bins=4", in: f.session)
        let b = Kernel.standard.run(cell: "hist people age bins=4", in: f.session)
        #expect(a == b)
        guard case .image(let svg, let alt) = a.blocks.last else { Issue.record("no image"); return }
        #expect(alt == "histogram of age")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("id="))
        let text = f.run("hist people age bins=4").text
        #expect(text.hasPrefix("histogram of age (4 bins, 5 values)\n[30.00, 37.75)"))
    }

    @Test("filter, split, drop, keep, save and into")
    func editing() throws {
        let f = Fixture()
        _ = f.run("load data/people.csv as people")
        #expect(
            f.run("filter people where age >= 45 as older").text
                == "older: 3 of 5 rows where age >= 45; 3 rows × 4 columns\n")
        #expect(
            f.run("filter people where job == admin.").text
                == "people: 2 of 5 rows where job == admin.; 2 rows × 4 columns\n")
        _ = f.run("load data/people.csv as people")
        #expect(
            f.run("split people into a b ratio=0.6 seed=1").text
                == "a: 3 rows × 4 columns\nb: 2 rows × 4 columns\n(60/40 at random, seed 1)\n")
        #expect(f.run("drop people balance").text == "people: dropped balance; 5 rows × 3 columns\n")
        #expect(f.run("keep people y age").text == "people: kept y, age; 5 rows × 2 columns\n")
        #expect(f.run("counts people y into shares").text.hasSuffix("kept as frame 'shares': 2 rows × 3 columns\n"))
        #expect(
            f.run("save shares to out/shares.csv").text
                == "saved shares to out/shares.csv: 2 rows × 3 columns, 33 bytes\n")
        #expect(f.folder.read("out/shares.csv") == "y,count,share\nno,3,0.6\nyes,2,0.4\n")
        #expect(f.run("describe people into stats").status == .ok)
        #expect(try f.session.frame("stats").columnNames == ["statistic", "age"])
    }

    @Test(
        "mistakes get an error and a hint, and the session goes on",
        arguments: [
            ("load data/peple.csv", "error: data/peple.csv: no such file\nhint: did you mean 'data/people.csv'?\n"),
            (
                "load nowhere/x.csv",
                "error: nowhere/x.csv: no such file\nhint: the folder nowhere does not exist; paths are relative to the workbook's folder\n"
            ),
            ("head peeple", "error: no frame named 'peeple'\nhint: did you mean 'people'?\n"),
            ("describe people agee", "error: no column named 'agee' in frame 'people'\nhint: did you mean 'age'?\n"),
            (
                "hist people job",
                "error: 'job' holds strings, not numbers\nhint: for categories use: counts people job\n"
            ),
            (
                "filter people where age => 3",
                "error: '=>' is not a comparison\n  filter people where age => 3\n                          ^\nhint: use one of == != < <= > >=\n"
            ),
            (
                "filter people where age > old",
                "error: 'old' is not a value of integer column 'age'\nhint: compare age with a number\n"
            ),
            (
                "split people into a",
                "error: split needs a valid name\nhint: usage: split FRAME into A B [ratio=R] [stratify=COL] [seed=N]\n"
            ),
            (
                "load data/people.csv as 2fast",
                "error: '2fast' is not a valid name\n  load data/people.csv as 2fast\n                          ^\nhint: use letters, digits, '_' and '-', starting with a letter (e.g. data, train_2)\n"
            ),
            (
                "save people to data/people.csv/more/copy.csv",
                "error: cannot write data/people.csv/more/copy.csv: data/people.csv is a file, not a folder\nhint: choose another name for the file or for the folder\n"
            ),
            (
                "save people to /proc/pilot/copy.csv",
                "error: cannot write /proc/pilot/copy.csv: cannot make the folder /proc/pilot (No such file or directory)\nhint: choose a folder you can write to\n"
            ),
            (
                "save people to data/people.csv/copy.csv",
                "error: cannot write data/people.csv/copy.csv: data/people.csv is a file, not a folder\nhint: choose another name for the file or for the folder\n"
            ),
        ])
    func mistakes(source: String, message: String) {
        let f = Fixture()
        _ = f.run("load data/people.csv as people")
        let result = f.run(source)
        #expect(result.status == .error)
        #expect(result.text == message)
        #expect(f.run("shape people").text == "people: 5 rows × 4 columns\n")
    }

    @Test("a file that fails to load leaves no frame behind")
    func noHalfFrame() {
        let f = Fixture()
        f.folder.write("a,b\n1,2\n3,4,5\n", to: "bad.csv")
        let result = f.run("load bad.csv as bad")
        #expect(
            result.text
                == "error: bad.csv:3: this row has 3 fields, but the header has 2\nhint: a value may contain the separator: quote it, or check sep=\n"
        )
        #expect(f.session.values["bad"] == nil)
    }

    @Test("load reads ZIP:MEMBER and .gz")
    func archives() throws {
        let f = Fixture()
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-k", f.folder.file("data/people.csv")]
        try gz.run()
        gz.waitUntilExit()
        #expect(
            f.run("load data/people.csv.gz as packed").text.hasPrefix("packed: 5 rows × 4 columns (data/people.csv.gz)")
        )
    }
}
