import Archives
import Diagnostics
import Foundation
import Frames
import Kernel

/// `load PATH [as NAME]`: a CSV file (or a zip member, or a .gz file) into a frame.
struct Load: CellCommand {
    static let configuration = CommandConfiguration(
        "load", area: .frames, summary: "read a CSV (or TSV...) file into a frame",
        discussion: """
            The separator (, ; tab |), the header and each column's type are detected; quoted fields, a BOM and \
            CRLF line endings are handled. PATH may be ARCHIVE.zip:MEMBER, or a .gz file. Empty fields and NA, \
            NaN, null... are missing values; na= adds more. Without 'as', the frame is named after the file. \
            PATH may be s3://BUCKET/KEY: the object is fetched with the AWS settings boto3 would use.
            """,
        examples: [
            "load bank-additional/bank-additional-full.csv as data",
            "load bank-additional.zip:bank-additional/bank-additional-full.csv as data sep=;",
            "load s3://my-bucket/bank/train.csv as train",
        ])

    /// The quote character, or none.
    enum Quote: Sendable { case character(UInt8), none }

    @Argument(.path) var path: String
    @Clause("as", .name) var name: String?
    @Option(.separator, "the field separator: , ; | or tab") var sep: UInt8?
    @Option(.flag, "whether the first row holds column names") var header: Bool?
    @Option(.list(of: .text("A")), "more values to read as missing") var na: [String]?
    @Option(.quote, "the quote character (default \")") var quote: Quote?
    @Option(
        .choice([("utf8", .utf8), ("utf-8", .utf8), ("latin1", .latin1)], placeholder: "utf8|latin1"),
        "the file's text encoding") var encoding: CSVOptions.Encoding?

    func run(in context: CommandContext) throws {
        var options = CSVOptions()
        if let sep { options.separator = sep }
        options.header = header
        if let na { options.extraMissingMarkers = na }
        switch quote {
        case .character(let byte)?: options.quote = byte
        case .none?: options.quote = 0
        case nil: break
        }
        if let encoding { options.encoding = encoding }
        let name = try self.name ?? Self.defaultName(for: path)
        let frame =
            try Self.readObject(path, options: options, context: context)
            ?? Self.read(path, options: options, context: context)
        MemoryTuning.releaseFreeMemory()
        context.session.store(FrameValue(frame, origin: path), as: name)
        context.print("\(name): \(Sizes.shape(frame)) (\(path))")
        let types = ColumnType.allCases.compactMap { type -> String? in
            let n = frame.columns.filter { $0.type == type }.count
            return n == 0 ? nil : "\(n) \(type.rawValue)"
        }
        context.print("columns: " + types.joined(separator: ", "))
    }

    func risk() -> String? {
        path.lowercased().hasPrefix("s3://") ? "downloads from the network" : nil
    }

    /// Reads `s3://BUCKET/KEY` (or `s3://BUCKET/ARCHIVE.zip:MEMBER`): the object is fetched to a
    /// temporary file, read as a local one would be, and deleted. Nil when `path` is not in S3.
    static func readObject(_ path: String, options: CSVOptions, context: CommandContext) throws -> Frame? {
        let member = archiveMember(of: path)
        guard let object = S3Location(member?.archive ?? path) else { return nil }
        if object.isFolder {
            throw Diagnostic("\(path) is a folder, not an object", hint: "name a CSV file in it: load \(path)FILE")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-load-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/" + object.fileName
        _ = try context.download(object, to: file, label: object.fileName)
        return try read(
            member.map { file + ":" + $0.member } ?? file, options: options, context: context, displayName: path)
    }

    /// Reads `path`: a CSV file, `ARCHIVE.zip:MEMBER` or a `.gz` file, with progress, naming it
    /// `displayName` in messages.
    static func read(
        _ path: String, options: CSVOptions, context: CommandContext, displayName: String? = nil
    ) throws -> Frame {
        let session = context.session
        let live = context.live
        let shown = displayName ?? path
        let progress: (Double) -> Void = { fraction in live?.progress("load \(shown)", fraction: fraction, detail: "") }
        defer { live?.endProgress() }
        var bytes: [UInt8]?
        if let (archivePath, member) = archiveMember(of: path) {
            let archive = try ZipFile(
                path: session.resolve(archivePath), displayName: archiveMember(of: shown)?.archive ?? archivePath)
            bytes = try archive.read(member: member)
        } else if path.hasSuffix(".gz") {
            guard FileManager.default.fileExists(atPath: session.resolve(path)) else {
                throw Diagnostic("\(path): no such file", hint: FileHints.missing(path, in: session))
            }
            bytes = try Gzip.decompress(path: session.resolve(path), displayName: shown)
        }
        do throws(CSVError) {
            if let bytes {
                return try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
                    try CSVReader.read(buffer, options: options, source: shown, onProgress: progress)
                }
            }
            return try CSVReader.read(
                path: session.resolve(path), displayName: shown, options: options,
                onProgress: progress)
        } catch {
            guard error.code == .noSuchFile else { throw error }
            throw error.diagnostic.hinting(FileHints.missing(path, in: session) ?? error.hint)
        }
    }

    /// `bank.zip:bank/full.csv` → (`bank.zip`, `bank/full.csv`); nil for a path without a member.
    static func archiveMember(of path: String) -> (archive: String, member: String)? {
        path.range(of: ".zip:").map { (String(path[..<$0.lowerBound]) + ".zip", String(path[$0.upperBound...])) }
    }

    /// `bank-additional-full.csv` → `bank_additional_full`.
    static func defaultName(for path: String) throws -> String {
        var base = String(path.split(separator: "/").last ?? Substring(path))
        if let colon = base.lastIndex(of: ":") { base = String(base[base.index(after: colon)...]) }
        for suffix in [".gz", ".csv", ".tsv", ".txt", ".psv"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        var name = String(base.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if name.first?.isNumber ?? true { name = "data_" + name }
        guard ValueParser.isName(name) else {
            throw Diagnostic("'\(name)' is not a valid name", hint: ValueParser<String>.name.advice)
        }
        return name
    }
}

extension ValueParser where Value == UInt8 {
    /// A field separator: one character, or `tab`, `comma`, `semicolon`.
    static var separator: ValueParser {
        ValueParser(placeholder: "C", kind: .text, expectation: "one character (or tab)", example: ";") { text in
            switch text {
            case "tab", "\\t", "\t": 0x09
            case "comma": 0x2C
            case "semicolon": 0x3B
            default: text.utf8.count == 1 ? text.utf8.first : nil
            }
        }
    }
}

extension ValueParser where Value == Load.Quote {
    /// One character, or `none`.
    static var quote: ValueParser {
        ValueParser(placeholder: "C|none", kind: .text, expectation: "one character, or none", example: "'") { text in
            text == "none" ? Load.Quote.none : (text.utf8.count == 1 ? .character(text.utf8.first!) : nil)
        }
    }
}
