import Archives
import Foundation
import Frames
import TextLayout

/// `load`, `head`, `tail`, `shape` and `schema`.
enum FrameCommands {
    static let all: [Command] = [load, head, tail, shape, schema]

    static let load = Command(
        "load", area: .frames, usage: "load PATH [as NAME] [sep=C] [header=yes|no] [na=A,B] [quote=C|none] [encoding=utf8|latin1]",
        summary: "read a CSV (or TSV...) file into a frame",
        discussion: """
        The separator (, ; tab |), the header and each column's type are detected; quoted fields, a BOM and \
        CRLF line endings are handled. PATH may be ARCHIVE.zip:MEMBER, or a .gz file. Empty fields and NA, \
        NaN, null... are missing values; na= adds more. Without 'as', the frame is named after the file.
        """,
        options: [
            .init("sep", "C", "the field separator: , ; | or tab"),
            .init("header", "yes|no", "whether the first row holds column names"),
            .init("na", "A,B", "more values to read as missing"),
            .init("quote", "C|none", "the quote character (default \")"),
            .init("encoding", "utf8|latin1", "the file's text encoding"),
        ],
        examples: ["load bank-additional/bank-additional-full.csv as data",
                   "load bank-additional.zip:bank-additional/bank-additional-full.csv as data sep=;"]
    ) { line, context throws(KernelError) in
        let (words, alias) = try line.trailing("as", in: line.words)
        guard words.count == 1 else { throw context.commands["load"]!.usageError("load takes one file") }
        let path = words[0]
        var options = CSVOptions()
        if let sep = line.option("sep") { options.separator = try separator(sep) }
        options.header = try line.flagOption("header")
        if let na = line.option("na") { options.extraMissingMarkers = na.split(separator: ",").map(String.init) }
        if let quote = line.option("quote") {
            guard quote == "none" || quote.utf8.count == 1 else {
                throw KernelError("quote=\(quote) is not valid: give one character, or none", hint: "e.g. quote=' or quote=none")
            }
            options.quote = quote == "none" ? 0 : quote.utf8.first!
        }
        if let encoding = line.option("encoding") {
            guard let value = CSVOptions.Encoding(rawValue: encoding.lowercased().replacingOccurrences(of: "-", with: "")) else {
                throw KernelError("encoding=\(encoding) is not valid", hint: "encoding is utf8 or latin1")
            }
            options.encoding = value
        }
        var name = alias ?? ""
        if alias == nil { name = try defaultName(for: path) }
        let frame = try read(path, options: options, context: context)
        MemoryTuning.releaseFreeMemory()
        context.session.store(FrameValue(frame, origin: path), as: name)
        context.print("\(name): \(Sizes.shape(frame)) (\(path))")
        let types = ColumnType.allCases.compactMap { type -> String? in
            let n = frame.columns.filter { $0.type == type }.count
            return n == 0 ? nil : "\(n) \(type.rawValue)"
        }
        context.print("columns: " + types.joined(separator: ", "))
    }

    static func read(_ path: String, options: CSVOptions, context: CommandContext) throws(KernelError) -> Frame {
        let session = context.session
        let live = context.live
        let progress: (Double) -> Void = { fraction in live?.progress("load \(path)", fraction: fraction, detail: "") }
        defer { live?.endProgress() }
        var bytes: [UInt8]?
        do throws(ArchiveError) {
            if let range = path.range(of: ".zip:") {
                let archivePath = String(path[..<range.lowerBound]) + ".zip"
                let archive = try ZipFile(path: session.resolve(archivePath), displayName: archivePath)
                bytes = try archive.read(member: String(path[range.upperBound...]))
            } else if path.hasSuffix(".gz") {
                guard FileManager.default.fileExists(atPath: session.resolve(path)) else {
                    throw ArchiveError("no such file", hint: FileHints.missing(path, in: session), source: path)
                }
                bytes = try Gzip.decompress(path: session.resolve(path), displayName: path)
            }
        } catch {
            throw KernelError("\(error.source): \(error.message)", hint: error.hint)
        }
        do throws(CSVError) {
            if let bytes {
                return try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
                    try CSVReader.read(buffer, options: options, source: path, onProgress: progress)
                }
            }
            return try CSVReader.read(path: session.resolve(path), displayName: path, options: options, onProgress: progress)
        } catch {
            let message = String(error.rendered.dropFirst("error: ".count).prefix { $0 != "\n" })
            let hint = error.message == "no such file" ? FileHints.missing(path, in: session) ?? error.hint : error.hint
            throw KernelError(message, hint: hint)
        }
    }

    static func separator(_ text: String) throws(KernelError) -> UInt8 {
        switch text {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return 0x2C
        case "semicolon": return 0x3B
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first else {
                throw KernelError("sep=\(text) is not valid: give one character", hint: "e.g. sep=; or sep=tab")
            }
            return byte
        }
    }

    /// `bank-additional-full.csv` → `bank_additional_full`.
    static func defaultName(for path: String) throws(KernelError) -> String {
        var base = String(path.split(separator: "/").last ?? Substring(path))
        if let colon = base.lastIndex(of: ":") { base = String(base[base.index(after: colon)...]) }
        for suffix in [".gz", ".csv", ".tsv", ".txt", ".psv"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        var name = String(base.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if name.first?.isNumber ?? true { name = "data_" + name }
        try Invocation.checkName(name)
        return name
    }

    static let head = Command(
        "head", area: .frames, usage: "head FRAME [N]", summary: "show the first N rows (5 by default)",
        examples: ["head data", "head data 10"]
    ) { line, context throws(KernelError) in
        try showRows(line, context, fromEnd: false)
    }

    static let tail = Command(
        "tail", area: .frames, usage: "tail FRAME [N]", summary: "show the last N rows (5 by default)",
        examples: ["tail data"]
    ) { line, context throws(KernelError) in
        try showRows(line, context, fromEnd: true)
    }

    private static func showRows(_ line: Invocation, _ context: CommandContext, fromEnd: Bool) throws(KernelError) {
        let command = context.commands[line.name]!
        guard (1...2).contains(line.words.count) else { throw command.usageError("\(line.name) takes a frame and a row count") }
        let frame = try context.session.frame(line.words[0])
        var n = 5
        if line.words.count == 2 {
            guard let value = Int(line.words[1]), value >= 0 else {
                throw KernelError("'\(line.words[1])' is not a row count", hint: "e.g. \(line.name) \(line.words[0]) 10")
            }
            n = min(value, 10_000)
        }
        let count = min(n, frame.rowCount)
        let range = fromEnd ? (frame.rowCount - count)..<frame.rowCount : 0..<count
        var table = frame.table(rows: range)
        let rest = frame.rowCount - count
        if rest > 0 { table.hiddenRowsNote = "… \(rest) more row\(rest == 1 ? "" : "s") (\(Sizes.shape(frame)))" }
        context.print(table.render(maxWidth: context.width))
    }

    static let shape = Command(
        "shape", area: .frames, usage: "shape FRAME", summary: "say how many rows and columns a frame has",
        examples: ["shape data"]
    ) { line, context throws(KernelError) in
        guard line.words.count == 1 else { throw context.commands["shape"]!.usageError("shape takes one frame") }
        context.print("\(line.words[0]): \(Sizes.shape(try context.session.frame(line.words[0])))")
    }

    static let schema = Command(
        "schema", area: .frames, usage: "schema FRAME [into NAME]",
        summary: "list the columns with their type, non-null and unique counts",
        examples: ["schema data"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count == 1 else { throw context.commands["schema"]!.usageError("schema takes one frame") }
        let frame = try context.session.frame(words[0])
        let rows = frame.columns.map { column -> [String] in
            [column.name, column.type.rawValue, String(column.count - column.data.missingCount), String(column.distinctCount)]
        }
        let table = TextTable(columns: [.init("column"), .init("type"), .init("non-null", alignment: .right),
                                        .init("unique", alignment: .right)], rows: rows)
        context.print(table.render(maxWidth: context.width))
        if let into {
            let result = Frame(columns: [
                Column(name: "column", data: .strings(rows.map { $0[0] })),
                Column(name: "type", data: .strings(rows.map { $0[1] })),
                Column(name: "non_null", data: .int(rows.map { Int64($0[2])! }, missing: nil)),
                Column(name: "unique", data: .int(rows.map { Int64($0[3])! }, missing: nil)),
            ])
            try keep(result, as: into, origin: "schema \(words[0])", context: context)
        }
    }

    /// Stores a result frame made by a command's `into NAME`, and says so.
    static func keep(_ frame: Frame, as name: String, origin: String, context: CommandContext) throws(KernelError) {
        context.session.store(FrameValue(frame, origin: origin), as: name)
        context.print("kept as frame '\(name)': \(Sizes.shape(frame))")
    }
}

extension ColumnData {
    /// A string column of these values, dictionary-encoded.
    static func strings(_ values: [String?]) -> ColumnData {
        var dictionary: [String] = []
        var index: [String: UInt32] = [:]
        let codes = values.map { value -> UInt32 in
            guard let value else { return CategoricalCodes.missing }
            if let code = index[value] { return code }
            let code = UInt32(dictionary.count)
            index[value] = code
            dictionary.append(value)
            return code
        }
        return .strings(codes: codes, dictionary: dictionary)
    }
}

