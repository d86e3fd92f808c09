import Foundation
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

@Suite("CSV written to a file a few thousand rows at a time")
struct CSVFileWriterTests {
    @Test("the file holds the same bytes as the frame written whole, and no partial file is left")
    func sameBytes() throws {
        let rows = 20_000  // more than two chunks
        let frame = Frame(columns: [
            Column(name: "n", data: .int((0..<rows).map { Int64($0 * 7 - 3) }, missing: nil)),
            Column(name: "x", data: .double((0..<rows).map { $0 % 13 == 0 ? .nan : Double($0) / 8 })),
            Column(name: "s", data: .strings(codes: (0..<rows).map { UInt32($0 % 3) }, dictionary: ["a", "b, c", "d\"e"])),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        try CSVWriter.write(frame, toFile: path)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == CSVWriter.bytes(of: frame))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
        #expect(throws: CSVWriteError.self) { try CSVWriter.write(frame, toFile: folder.path + "/missing/out.csv") }
    }
}
