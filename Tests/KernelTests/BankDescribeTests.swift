import Foundation
import Frames
import Testing

@testable import Commands
@testable import Kernel

/// The tutorial's data, read from the archive in PILOT_MIRROR (../shared/data in CI).
enum BankData {
    static let archive: String? = {
        guard let mirror = ProcessInfo.processInfo.environment["PILOT_MIRROR"] else { return nil }
        let path = mirror + "/bank-additional.zip"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()
}

@Suite(
    "describe of bank-additional-full matches pandas",
    .enabled(if: BankData.archive != nil, "needs PILOT_MIRROR with bank-additional.zip"))
struct BankDescribeTests {
    struct Reference: Decodable {
        var shape: [Int]
        var numeric: [String: [String: Double]]
        var categorical: [String: Categorical]
        struct Categorical: Decodable { var count: Int; var unique: Int; var top: String; var freq: Int }
    }

    static let reference: Reference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/bank-describe.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    @Test("every column, every statistic, to the printed precision")
    func matchesPandas() throws {
        let session = Session(workingDirectory: "/")
        let result = Kernel.standard.run(
            cell: "load \(BankData.archive!):bank-additional/bank-additional-full.csv as data", in: session)
        #expect(result.status == .ok)
        let frame = try session.frame("data")
        #expect([frame.rowCount, frame.columns.count] == Self.reference.shape)
        let description = frame.describe(all: true)
        let statistics = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
        for entry in description.entries {
            if let numeric = entry.numeric {
                let expected = try #require(Self.reference.numeric[entry.name])
                let ours = [Double(numeric.count)] + numeric.statistics
                let theirs = statistics.map { expected[$0]! }
                #expect(NumberFormat.column(ours) == NumberFormat.column(theirs), "\(entry.name)")
                for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(entry.name)") }
            } else if let categorical = entry.categorical {
                let expected = try #require(Self.reference.categorical[entry.name])
                #expect(
                    categorical
                        == .init(count: expected.count, unique: expected.unique, top: expected.top, freq: expected.freq),
                    "\(entry.name)")
            }
        }
        #expect(description.entries.filter { $0.numeric != nil }.count == Self.reference.numeric.count)
        #expect(description.entries.filter { $0.categorical != nil }.count == Self.reference.categorical.count)
    }
}
