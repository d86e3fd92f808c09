import Dispatch
import Foundation
import TextLayout

/// Reads delimited text (CSV, semicolon-separated, TSV, pipe-separated) into a ``Frame``.
///
/// The reader detects the separator, the header, a byte order mark, CRLF line endings and
/// RFC 4180 quoting (separators, quotes and newlines inside quoted fields), and infers each
/// column's type as pandas does: integers, floats, booleans, or strings, with pandas' missing
/// markers (empty, `NA`, `NaN`, `null`...) never deciding the type.
///
/// Rows are read in chunks on all cores and appended in order, so memory stays close to the
/// size of the frame itself.
public enum CSVReader {
    /// Reads a frame from the bytes of a file.
    ///
    /// - Parameters:
    ///   - source: the file's name as the user wrote it, for error messages.
    /// - Throws: ``CSVError`` naming the file and line: empty, binary, not UTF-8, a ragged row,
    ///   an unterminated quote, duplicate column names, a header without rows.
    public static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, options: CSVOptions = CSVOptions(),
        source: String, onProgress: ((Double) -> Void)? = nil,
        release: (@Sendable (Range<Int>) -> Void)? = nil
    ) throws(CSVError) -> Frame {
        if options.encoding == .latin1 {
            let utf8 = Latin1.transcode(bytes)
            return try utf8.withUnsafeBufferPointer { buffer throws(CSVError) in
                var utf8Options = options
                utf8Options.encoding = .utf8
                return try read(buffer, options: utf8Options, source: source, onProgress: onProgress)
            }
        }
        var reader = Reading(bytes: bytes, options: options, source: source, onProgress: onProgress, release: release)
        return try reader.run()
    }

    /// Reads a frame from an array of bytes.
    public static func read(
        _ bytes: [UInt8], options: CSVOptions = CSVOptions(), source: String
    ) throws(CSVError) -> Frame {
        try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
            try read(buffer, options: options, source: source)
        }
    }
}

/// One read of one file.
private struct Reading {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: CSVOptions
    let source: String
    let onProgress: ((Double) -> Void)?
    /// Told of byte ranges the reader is done with, so a mapped file can drop those pages.
    let release: (@Sendable (Range<Int>) -> Void)?

    init(
        bytes: UnsafeBufferPointer<UInt8>, options: CSVOptions, source: String, onProgress: ((Double) -> Void)?,
        release: (@Sendable (Range<Int>) -> Void)?
    ) {
        self.bytes = bytes
        self.options = options
        self.source = source
        self.onProgress = onProgress
        self.release = release
    }

    mutating func run() throws(CSVError) -> Frame {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        try checkLooksLikeText(from: start)
        let separator = options.separator ?? Sniffer.separator(in: bytes, from: start, quote: options.quote)
        let first = Sniffer.record(in: bytes, from: start, separator: separator, quote: options.quote)
        guard !first.fields.isEmpty else {
            throw error("the file has no rows", hint: "check that this is the file you meant")
        }
        let hasHeader = options.header ?? !first.fields.contains { NumberParserText.isNumber($0) }
        let names: [String]
        var dataStart = start
        if hasHeader {
            names = try columnNames(first.fields)
            dataStart = first.next
        } else {
            names = (1...first.fields.count).map { "column\($0)" }
        }
        let missing = MissingMatcher(extra: options.extraMissingMarkers)
        var forced = [Bool](repeating: false, count: names.count)
        while true {
            do throws(AssemblyStop) {
                return try assemble(
                    names: names, separator: separator, missing: missing, forced: forced,
                    dataStart: dataStart, hasHeader: hasHeader)
            } catch {
                switch error {
                case .restart(let column): forced[column] = true
                case .failed(let failure): throw failure
                }
            }
        }
    }

    private enum AssemblyStop: Error {
        case restart(column: Int)
        case failed(CSVError)
    }

    private func assemble(
        names: [String], separator: UInt8, missing: MissingMatcher, forced: [Bool],
        dataStart: Int, hasHeader: Bool
    ) throws(AssemblyStop) -> Frame {
        let parser = ChunkParser(
            bytes: bytes, separator: separator, quote: options.quote, columnCount: names.count,
            missing: missing, forcedString: forced)
        var columns = names.indices.map { _ in FrameColumnAssembler() }
        defer { for column in columns { column.release() } }
        let cuts = Chunking.cuts(in: bytes, from: dataStart, release: release)
        let chunkCount = cuts.count - 1
        let firstRow = Sniffer.record(in: bytes, from: dataStart, separator: separator, quote: options.quote)
        let rowBytes = max(1, firstRow.next - dataStart)
        let pipeline = ChunkPipeline(
            parser: parser, cuts: cuts,
            expectedRows: (cuts.count > 1 ? cuts[1] - cuts[0] : 0) / rowBytes + 64)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        pipeline.start(workers: chunkCount > 1 ? workers : 0)
        defer { pipeline.stopAndWait() }
        var position = dataStart
        var rows = 0
        var k = 0
        while position < bytes.count {
            let outcome: Result<ChunkParser.Result, ChunkParser.Failure>
            if k < chunkCount, cuts[k] < position {
                // This chunk began inside a row that a quoted line break carried past the cut.
                _ = pipeline.result(k)
                k += 1
                continue
            } else if k < chunkCount, cuts[k] == position, chunkCount > 1 {
                outcome = pipeline.result(k)
                k += 1
            } else {
                // Read what lies between where the last row ended and the next cut, here.
                let end = k < chunkCount ? cuts[k] : bytes.count
                outcome = Result { () throws(ChunkParser.Failure) in
                    try parser.parse(from: position, to: max(end, position + 1), expectedRows: 1024)
                }
                if chunkCount <= 1 { k = chunkCount }
            }
            let chunk = try unwrap(outcome, names: names)
            if rows == 0 {
                let perByte = Double(chunk.rows) / Double(max(1, chunk.stop - dataStart))
                let expectedTotal = Int(perByte * Double(bytes.count - dataStart) * 1.02) + 16
                for c in columns.indices { columns[c].reserve(expectedTotal) }
            }
            try append(chunk, to: &columns, rows: &rows)
            release?(max(0, position - 1)..<chunk.stop)
            position = chunk.stop
            onProgress?(Double(position) / Double(max(1, bytes.count)))
        }
        if rows == 0 {
            throw .failed(
                error(
                    hasHeader ? "the file has a header but no rows" : "the file has no rows",
                    hint: "check that this is the file you meant"))
        }
        return Frame(columns: zip(names, columns).map { Column(name: $0, data: $1.finish()) }, rowCount: rows)
    }

    private func unwrap(
        _ outcome: Result<ChunkParser.Result, ChunkParser.Failure>, names: [String]
    )
        throws(AssemblyStop) -> ChunkParser.Result
    {
        switch outcome {
        case .success(let chunk): return chunk
        case .failure(.needsString(let column)): throw .restart(column: column)
        case .failure(let failure): throw .failed(describe(failure, names: names))
        }
    }

    private func append(
        _ chunk: ChunkParser.Result, to columns: inout [FrameColumnAssembler], rows: inout Int
    )
        throws(AssemblyStop)
    {
        for c in columns.indices where !columns[c].append(chunk.columns[c], at: rows) {
            throw .restart(column: c)
        }
        rows += chunk.rows
    }

    // MARK: Checks and errors

    private func checkLooksLikeText(from start: Int) throws(CSVError) {
        guard bytes.count > start else {
            throw error(
                "the file is empty", hint: "check that this is the file you meant (and that a download finished)")
        }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            throw error(
                "this is a zip archive, not a table",
                hint: "unzip it first, or load ARCHIVE.zip:MEMBER (e.g. bank.zip:bank/bank-full.csv)")
        }
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            throw error("this is gzip-compressed data", hint: "name the file with a .gz ending so load decompresses it")
        }
        let probe = min(bytes.count, start + 65536)
        if let nul = (start..<probe).first(where: { bytes[$0] == 0 }) {
            throw error(
                "this looks like a binary file, not text (a NUL byte at byte \(nul))",
                hint: "load reads delimited text such as CSV; check that this is the file you meant", offset: nul)
        }
    }

    private func columnNames(_ fields: [[UInt8]]) throws(CSVError) -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            if let bad = field.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte(in: $0) }) {
                throw invalidUTF8(line: 1, column: index + 1, byte: field[bad])
            }
            var name = String(decoding: field, as: UTF8.self)
            if name.isEmpty { name = "Unnamed: \(index)" }
            if let first = seen[name] {
                throw error(
                    "column \(index + 1) is named '\(name)', like column \(first + 1)",
                    hint: "rename one of them in the file, or pass header=no and name them later", offset: 0)
            }
            seen[name] = index
            names.append(name)
        }
        return names
    }

    private func describe(_ failure: ChunkParser.Failure, names: [String]) -> CSVError {
        switch failure {
        case .ragged(let rowStart, let fields):
            let more = fields > names.count
            return error(
                "this row has \(fields) field\(fields == 1 ? "" : "s"), but the header has \(names.count)",
                hint: more
                    ? "a value may contain the separator: quote it, or check sep="
                    : "fill in the missing values, or check sep=",
                offset: rowStart)
        case .unterminatedQuote(let at):
            return error(
                "the quote that opens a field here is never closed",
                hint: "close the quote, or if quotes are part of the data pass quote=none", offset: at)
        case .invalidUTF8(let at, let column):
            return invalidUTF8(line: line(of: at), column: column + 1, byte: bytes[at], name: names[column])
        case .needsString:
            preconditionFailure("handled by restarting")
        }
    }

    private func invalidUTF8(line: Int, column: Int, byte: UInt8, name: String? = nil) -> CSVError {
        let hex = String(byte, radix: 16, uppercase: true)
        let place = name.map { "column '\($0)'" } ?? "column \(column)"
        var e = CSVError(
            "byte 0x\(hex) in \(place) is not UTF-8 text",
            hint: "if the file is Latin-1 (Windows), load it with encoding=latin1", source: source)
        e.line = line
        return e
    }

    private func error(_ message: String, hint: String, offset: Int? = nil) -> CSVError {
        CSVError(message, hint: hint, source: source, line: offset.map(line(of:)))
    }

    /// The 1-based line holding the byte at `offset`.
    private func line(of offset: Int) -> Int {
        var count = 1
        var i = 0
        while i < offset { if bytes[i] == 0x0A { count += 1 }; i += 1 }
        return count
    }
}

/// Where to cut a file into chunks: at line starts, into at least four chunks per core for
/// balance, each between 256 kB and 2 MB (small enough that memory stays close to the frame's).
enum Chunking {
    static func cuts(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        release: (@Sendable (Range<Int>) -> Void)? = nil
    ) -> [Int] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = min(2 << 20, max(256 << 10, (bytes.count - start) / (workers * 4)))
        var cuts = [start]
        var target = start + size
        while target < bytes.count {
            var i = target
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            if i >= bytes.count - 1 { break }
            // Touching a page of a mapped file maps it (2 MB at a time with huge pages): let go.
            release?((target & ~4095)..<((i + 1 + 4095) & ~4095))
            cuts.append(i + 1)
            target = i + 1 + size
        }
        cuts.append(bytes.count)
        return cuts
    }
}

/// Whether header text looks like a number (then the first row is data, not names).
enum NumberParserText {
    static func isNumber(_ field: [UInt8]) -> Bool {
        field.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress, b.count > 0 else { return false }
            return NumberParser.double(p, b.count) != nil
        }
    }
}

/// Latin-1 to UTF-8.
enum Latin1 {
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(0xC0 | (byte >> 6)); out.append(0x80 | (byte & 0x3F))
            }
        }
        return out
    }
}
