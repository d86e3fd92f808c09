import Frames
import Testing

@testable import Autopilot

@Suite("The data exploration report's duplicate rows")
struct DuplicateRowTests {
    @Test("rows equal in every column count once each after the first; a missing value is not -1")
    func duplicates() {
        var missing = Bitmap(count: 6)
        missing[4] = true
        let frame = Frame(columns: [
            Column(name: "n", data: .int([1, 1, 2, 1, -1, -1], missing: missing)),
            Column(name: "x", data: .double([0.5, 0.5, 0.5, 0.5, .nan, .nan])),
            Column(
                name: "s",
                data: .strings(
                    codes: [0, 0, 0, 1, CategoricalCodes.missing, CategoricalCodes.missing], dictionary: ["a", "b"])),
        ])
        // Rows 0 and 1 are equal; 4 (n missing) and 5 (n = -1) are not.
        #expect(DataExploration.duplicateRows(frame) == 1)
        let many = Frame(columns: [Column(name: "k", data: .int((0..<10_000).map { Int64($0 % 2500) }, missing: nil))])
        #expect(DataExploration.duplicateRows(many) == 7500)
    }
}
