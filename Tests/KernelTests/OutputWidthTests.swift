import Foundation
import TestSupport
import Testing
import TextLayout

@testable import Commands
@testable import Kernel

/// Stored outputs keep to 100 columns (East Asian characters count two), as the workbook's
/// prose does, so a workbook reads well in a terminal, a diff and a pull request.
@Suite("Every command's output fits 100 columns")
struct OutputWidthTests {
    /// A cell for every command, with long names and Japanese text where a command shows them.
    static let cells: [String: String] = [
        "help": "help\nhelp autopilot\nhelp load",
        "vars": "vars",
        "set": "set seed=3\nset",
        "params": "params seed=3 budget=30s",
        "reset": "reset",
        "download": "download s3://my-bucket/no-such-object.csv",
        "upload": "upload data to s3://my-bucket/",
        "unzip": "unzip missing.zip",
        "sh": "sh echo 'a line that is rather long, made of words that a terminal would have to wrap somewhere'",
        "load": "load data.csv as data",
        "head": "head data 3",
        "tail": "tail data 3",
        "shape": "shape data",
        "schema": "schema data",
        "describe": "describe data\ndescribe data all",
        "counts": "counts data job",
        "hist": "hist data age",
        "drop": "drop older ratio",
        "keep": "keep older age job y",
        "filter": "filter data where age > 40 as older",
        "split": "split data into train test seed=1",
        "save": "save older to older.csv",
        "autopilot": "autopilot train target=y as an_experiment_with_a_long_name max_candidates=6 seed=1",
        "train": "train train target=y algorithm=xgboost pipeline=dpp0 num_round=20 as trained",
        "experiments": "experiments",
        "leaderboard": "leaderboard an_experiment_with_a_long_name",
        "candidate": "candidate an_experiment_with_a_long_name.best",
        "evaluate": "evaluate an_experiment_with_a_long_name.best on test",
        "explain": "explain an_experiment_with_a_long_name.best on test",
        "deploy": "deploy an_experiment_with_a_long_name.best as an-endpoint-with-a-long-name",
        "endpoints": "endpoints",
        "predict": "predict an-endpoint-with-a-long-name test into predicted",
        "cleanup": "cleanup an-endpoint-with-a-long-name\ncleanup all",
    ]

    @Test("a cell for every command, each output line at most 100 columns")
    func everyCommand() {
        let names = CommandTable.standard.names
        #expect(Set(names) == Set(Self.cells.keys), "every command needs a cell here")
        let folder = ScratchFolder("widths")
        var csv = "age,job,ratio,y\n"
        let jobs = ["admin.", "technician", "日本語のとても長い職業の名前です", "retired"]
        for i in 0..<240 {
            csv += "\(20 + i % 50),\(jobs[i % 4]),\(Double(i % 17) / 7),\(i % 3 == 0 || i % 50 > 40 ? "yes" : "no")\n"
        }
        folder.write(csv, to: "data.csv")
        let session = Session(
            workingDirectory: folder.path, services: [FakeEndpointHost(), MemoryObjectStorage()])
        // Frames before the commands that read them; then the table's order; reset last.
        let first = ["load", "filter", "split", "upload", "save"]
        for name in first + names.filter({ !first.contains($0) && $0 != "reset" }) + ["reset"] {
            let result = Kernel.standard.run(cell: Self.cells[name]!, in: session)
            // Two cells show their error message on purpose; the others must really run.
            #expect(
                result.status == (["download", "unzip"].contains(name) ? .error : .ok),
                "\(name): \(result.transcript())")
            for line in result.transcript().split(separator: "\n") {
                #expect(line.displayWidth <= 100, "\(name): \(line.displayWidth) columns: \(line)")
            }
        }
    }
}
