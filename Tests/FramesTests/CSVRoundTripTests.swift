import PropertyBased
import Testing
@testable import Frames

@Suite("CSV writer and reader agree")
struct CSVRoundTripTests {
    static let cells = Gen.element(of: ["x", "a b", "comma, inside", "quote \" inside", "new\nline", "日本語", "", "NA", "0", "1.5"])

    @Test("written frames read back the same")
    func roundTrip() async {
        await propertyCheck(count: 200, input: Self.cells.array(of: 3).array(of: 1...30)) { rows in
            let table = rows.map { $0.map { $0 ?? "" } }
            let columns = (0..<3).map { c in
                Column(name: "c\(c)", data: .strings(codes: table.map { row in row[c] == "" || row[c] == "NA" ? CategoricalCodes.missing : UInt32(Self.index(row[c])) },
                                                    dictionary: Self.dictionary))
            }
            let frame = Frame(columns: columns, rowCount: table.count)
            let bytes = CSVWriter.bytes(of: frame)
            guard let back = try? CSVReader.read(bytes, options: CSVOptions(separator: 0x2C, header: true), source: "t") else {
                Issue.record("did not read back: \(String(decoding: bytes, as: UTF8.self))")
                return
            }
            #expect(back.rowCount == frame.rowCount)
            for c in 0..<3 {
                for r in 0..<frame.rowCount {
                    let original = frame.columns[c].data.value(at: r)
                    let read = back.columns[c].data.value(at: r)
                    switch (original, read) {
                    case (.string(let a), .string(let b)): #expect(a == b)
                    case (.string(let a), .int(let b)): #expect(a == String(b))
                    case (.string(let a), .double(let b)): #expect(Double(a) == b)
                    default: #expect(original == read)
                    }
                }
            }
        }
    }

    static let dictionary = ["x", "a b", "comma, inside", "quote \" inside", "new\nline", "日本語", "0", "1.5"]
    static func index(_ value: String) -> Int { dictionary.firstIndex(of: value)! }
}
