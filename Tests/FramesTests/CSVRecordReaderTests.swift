import Frames
import Testing

@Suite("CSV records as text")
struct CSVRecordReaderTests {
    static func records(_ text: String) throws(CSVError) -> [[String]] {
        var reader = CSVRecordReader(Array(text.utf8))
        var records: [[String]] = []
        while let fields = try reader.next() { records.append(fields) }
        return records
    }

    @Test("records and fields", arguments: [
        ("a,b,c\n", [["a", "b", "c"]]),
        ("a,b,c", [["a", "b", "c"]]),
        ("a,,c\r\n\r\nd,e,\n", [["a", "", "c"], ["d", "e", ""]]),
        ("\"a,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n", [["a,1", "say \"hi\"", "two\nlines"]]),
        ("\"\",x\n", [["", "x"]]),
        ("é,日本\n", [["é", "日本"]]),
        ("1,NA\n\n2\n3,x,y\n", [["1", "NA"], ["2"], ["3", "x", "y"]]),
    ])
    func records(body: String, expected: [[String]]) throws {
        #expect(try Self.records(body) == expected)
    }

    @Test("a quoted field never closed: an error on the line of its quote, after the records before it")
    func unclosedQuote() throws {
        var reader = CSVRecordReader(Array("a,b\n\"c,d\ne\n".utf8))
        #expect(try reader.next() == ["a", "b"])
        #expect(reader.count == 1)
        #expect(throws: CSVError("the quote that opens a field here is never closed",
                                 hint: #"close the quote; a quote inside a quoted field is written twice ("")"#,
                                 line: 2)) {
            _ = try reader.next()
        }
    }
}
