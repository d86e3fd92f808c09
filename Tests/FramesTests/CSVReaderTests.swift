import Testing
@testable import Frames

@Suite("Reading CSV")
struct CSVReaderTests {
    func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Frame {
        try CSVReader.read(Array(text.utf8), options: options, source: "t.csv")
    }

    func failure(_ bytes: [UInt8], _ options: CSVOptions = CSVOptions()) -> String? {
        do {
            _ = try CSVReader.read(bytes, options: options, source: "t.csv")
            return nil
        } catch {
            return error.rendered
        }
    }

    func failure(_ text: String, _ options: CSVOptions = CSVOptions()) -> String? {
        failure(Array(text.utf8), options)
    }

    @Test("detects the separator", arguments: [",", ";", "\t", "|"])
    func separators(sep: String) throws {
        let frame = try read(["a", "b", "c"].joined(separator: sep) + "\n1" + sep + "x" + sep + "2.5\n3" + sep + "y" + sep + "4\n")
        #expect(frame.columnNames == ["a", "b", "c"])
        #expect(frame.columns.map(\.type) == [.integer, .string, .float])
        #expect(frame.rowCount == 2)
    }

    @Test("reads RFC 4180 quoting: separators, doubled quotes and newlines inside quotes")
    func quoting() throws {
        let frame = try read("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\n")
        #expect(frame.rowCount == 2)
        #expect(frame.columns[0].data.value(at: 0) == .string("Smith, J"))
        #expect(frame.columns[1].data.value(at: 0) == .string("said \"hi\""))
        #expect(frame.columns[0].data.value(at: 1) == .string("multi\nline"))
    }

    @Test("a BOM, CRLF line endings, blank lines and a missing final newline")
    func bomAndCRLF() throws {
        let frame = try read("\u{FEFF}a;b\r\n1;2\r\n\r\n3;4")
        #expect(frame.columnNames == ["a", "b"])
        #expect(frame.rowCount == 2)
        #expect(frame.columns[1].data.value(at: 1) == .int(4))
    }

    @Test("infers types; missing markers never decide a type")
    func types() throws {
        let frame = try read("i,f,b,s,m\n1,1.5,True,x,\nNA,2,false,,NaN\n3,nan,TRUE,z,null\n")
        #expect(frame.columns.map(\.type) == [.integer, .float, .boolean, .string, .string])
        #expect(frame.columns.map(\.data.missingCount) == [1, 1, 0, 1, 3])
        #expect(frame.columns[1].data.value(at: 1) == .double(2))
    }

    @Test("a first row of numbers is data, not a header")
    func noHeader() throws {
        let frame = try read("1,2\n3,4\n")
        #expect(frame.columnNames == ["column1", "column2"])
        #expect(frame.rowCount == 2)
        let forced = try read("1,2\n3,4\n", CSVOptions(header: true))
        #expect(forced.columnNames == ["1", "2"])
    }

    @Test("extra missing markers")
    func extraMissing() throws {
        let frame = try read("a,b\n1,unknown\n2,x\n", CSVOptions(extraMissingMarkers: ["unknown"]))
        #expect(frame.columns[1].data.missingCount == 1)
    }

    @Test("a 1 MB field loads")
    func hugeField() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let frame = try read("a,b\n1,\"\(big)\"\n2,y\n")
        #expect(frame.columns[1].data.value(at: 0) == .string(big))
    }

    @Test("Latin-1 loads with encoding=latin1")
    func latin1() throws {
        let bytes = Array("city\nM".utf8) + [0xFC] + Array("nchen\n".utf8)
        let frame = try CSVReader.read(bytes, options: CSVOptions(encoding: .latin1), source: "t.csv")
        #expect(frame.columns[0].data.value(at: 0) == .string("München"))
    }

    @Test("large files read in parallel chunks give the same frame as one piece")
    func chunks() throws {
        // About 5 MB: several chunks. Row 30000 holds a quoted newline and a float in an int column
        // (promotion across chunks), row 60000 a word in a number column (re-read as strings).
        var text = "id,value,label,word\n"
        for i in 0..<90000 {
            let value = i == 30000 ? "3.5" : String(i % 97)
            let label = i % 7 == 0 ? "\"multi\nline, quoted\"" : "plain\(i % 5)"
            let word = i == 60000 ? "oops" : String(i)
            text += "\(i),\(value),\(label),\(word)\n"
        }
        let frame = try read(text)
        #expect(frame.rowCount == 90000)
        #expect(frame.columns.map(\.type) == [.integer, .float, .string, .string])
        #expect(frame.columns[1].data.value(at: 30000) == .double(3.5))
        #expect(frame.columns[1].data.value(at: 29999) == .double(Double(29999 % 97)))
        #expect(frame.columns[2].data.value(at: 7) == .string("multi\nline, quoted"))
        #expect(frame.columns[3].data.value(at: 60000) == .string("oops"))
        #expect(frame.columns[3].data.value(at: 89999) == .string("89999"))
        #expect(frame.columns[0].data.value(at: 89999) == .int(89999))
    }

    @Test("a quoted newline right at a chunk cut falls back to reading in one piece")
    func quotedNewlineAtCut() throws {
        // A single quoted field of 3 MB with newlines spans the first 2 MB cut.
        let lines = (0..<40000).map { "line \($0)" }.joined(separator: "\n")
        let text = "a,b\n1,\"" + lines + String(repeating: "z", count: 3 << 20) + "\"\n2,tail\n"
        let frame = try read(text)
        #expect(frame.rowCount == 2)
        #expect(frame.columns[1].data.value(at: 1) == .string("tail"))
    }

    @Test("bad inputs: one line naming the file and line, and a hint", arguments: [
        ("a,b\n1,2\n3,4,5\n", "error: t.csv:3: this row has 3 fields, but the header has 2\nhint: a value may contain the separator: quote it, or check sep="),
        ("a,b\n1,2\n3\n", "error: t.csv:3: this row has 1 field, but the header has 2\nhint: fill in the missing values, or check sep="),
        ("a,b\n1,\"open\n2,3\n", "error: t.csv:2: the quote that opens a field here is never closed\nhint: close the quote, or if quotes are part of the data pass quote=none"),
        ("", "error: t.csv: the file is empty\nhint: check that this is the file you meant (and that a download finished)"),
        ("a;b;c\n", "error: t.csv: the file has a header but no rows\nhint: check that this is the file you meant"),
        ("x,y,x\n1,2,3\n", "error: t.csv:1: column 3 is named 'x', like column 1\nhint: rename one of them in the file, or pass header=no and name them later"),
    ])
    func badInput(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test("binary garbage and archives are named as such")
    func binary() {
        #expect(failure([0x50, 0x4B, 0x03, 0x04, 0, 0])?.hasPrefix("error: t.csv: this is a zip archive, not a table") == true)
        #expect(failure([0x1F, 0x8B, 8, 0])?.hasPrefix("error: t.csv: this is gzip-compressed data") == true)
        #expect(failure(Array("a,b\n1,".utf8) + [0, 1, 2, 255] + Array("\n".utf8))?
            .hasPrefix("error: t.csv:2: this looks like a binary file, not text (a NUL byte at byte 6)") == true)
    }

    @Test("Latin-1 bytes read as UTF-8 get the line, the column and a hint")
    func latin1Error() {
        let bytes = Array("id,city\n1,Berlin\n2,M".utf8) + [0xFC] + Array("nchen\n".utf8)
        #expect(failure(bytes) == "error: t.csv:3: byte 0xFC in column 'city' is not UTF-8 text\nhint: if the file is Latin-1 (Windows), load it with encoding=latin1")
    }

    @Test("a missing file")
    func missingFile() {
        #expect(throws: CSVError("no such file", hint: "check the path; it is relative to the workbook's folder", source: "nope.csv",
                                  code: .noSuchFile)) {
            _ = try CSVReader.read(path: "/nonexistent/nope.csv", displayName: "nope.csv")
        }
    }
}
