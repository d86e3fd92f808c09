import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

@Suite("train: one candidate as given")
struct TrainCommandTests {
    static func run(_ cell: String) -> (status: Kernel.Status, text: String) {
        let folder = ScratchFolder("train")
        folder.write(GeneratedData.binaryCSV(rows: 200, seed: 3, withID: true), to: "data.csv")
        let session = Session(workingDirectory: folder.path)
        let result = Kernel.standard.run(cell: "load data.csv as data\n" + cell, in: session)
        return (result.status, result.transcript())
    }

    @Test("a count below its least value is refused before the analysis, with an example")
    func tooSmall() {
        let result = Self.run("train data target=y algorithm=xgboost max_leaves=-3 as a")
        #expect(result.status == .error)
        #expect(
            result.text.hasSuffix("error: max_leaves=-3 must be at least 2\nhint: e.g. max_leaves=32\n"), "\(result.text)"
        )
        #expect(!result.text.contains("Analyzing data"))
        let trees = Self.run("train data target=y algorithm=et n_estimators=0 as b")
        #expect(trees.text.hasSuffix("error: n_estimators=0 must be at least 1\nhint: e.g. n_estimators=16\n"))
    }

    @Test("max_leaves alone grows trees leaf by leaf with no depth limit; the candidate records no max_depth")
    func leafWise() {
        let result = Self.run(
            "train data target=y algorithm=xgboost max_leaves=8 num_round=20 exclude=id as a\ncandidate a.best")
        #expect(result.status == .ok, "\(result.text)")
        #expect(result.text.contains("max_leaves=8"))
        #expect(!result.text.contains("max_depth"))
    }
}
