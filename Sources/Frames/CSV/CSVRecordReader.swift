/// Reads delimited text one record at a time, every field as the text written: no header, no
/// types, no missing markers, and records of any length (the caller checks them). Quoting is
/// the reader's own, RFC 4180 as ``CSVReader`` reads it (separators, doubled quotes and line
/// breaks inside a quoted field; LF or CRLF line ends); blank lines are skipped. For short
/// texts whose columns are known in advance, such as an endpoint's request rows.
///
/// ```swift
/// var reader = CSVRecordReader(Array("a,\"b,c\"\n\n1,2\n".utf8))
/// while let fields = try reader.next() { print(fields) }   // ["a", "b,c"], then ["1", "2"]
/// ```
public struct CSVRecordReader: Sendable {
    private let bytes: [UInt8]
    private let separator: UInt8
    private let quote: UInt8
    private var position = 0
    /// How many records have been read.
    public private(set) var count = 0

    /// A reader of `bytes`, fields separated by `separator` and quoted with `quote`.
    public init(_ bytes: [UInt8], separator: UInt8 = 0x2C, quote: UInt8 = 0x22) {
        self.bytes = bytes
        self.separator = separator
        self.quote = quote
    }

    /// The next record's fields, or nil after the last record.
    ///
    /// - Throws: ``CSVError`` when the record opens a quoted field that is never closed (the
    ///   only failure), with the line of that quote.
    public mutating func next() throws(CSVError) -> [String]? {
        let (separator, quote, position) = (self.separator, self.quote, self.position)
        let record = bytes.withUnsafeBufferPointer { buffer in
            Sniffer.record(in: buffer, from: position, separator: separator, quote: quote)
        }
        guard !record.fields.isEmpty else { return nil }
        if let open = record.openQuote {
            throw CSVError(
                "the quote that opens a field here is never closed",
                hint: #"close the quote; a quote inside a quoted field is written twice ("")"#,
                line: 1 + bytes[..<open].count { $0 == 0x0A })
        }
        self.position = record.next
        count += 1
        return record.fields.map { String(decoding: $0, as: UTF8.self) }
    }
}
