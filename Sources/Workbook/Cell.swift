import Foundation

/// A `pilot` cell: a top-level fenced block whose info string starts with `pilot`.
///
/// ````markdown
/// ```pilot id=load
/// load bank-additional/bank-additional-full.csv as data
/// ```
/// ````
public struct Cell: Sendable, Equatable {
    /// The cell's id (`id=` in the info string), unique in the workbook; `nil` until assigned.
    public internal(set) var id: String?
    /// The commands, with LF line endings.
    public internal(set) var source: String
    /// The 1-based line of the opening fence in the file it was read from (0 for new cells).
    public let line: Int

    /// The opening fence line without its line ending, e.g. "```pilot id=load".
    var openingLine: String
    /// The fence characters, e.g. "```" or "~~~~".
    var fence: String
    /// The text between the fences, with the file's own line endings.
    var rawBody: String
    /// The closing fence line with its line ending (which may be missing at the end of a file).
    var closingLine: String
    /// The line ending after the opening fence.
    var openingLineEnding: String

    /// The short hash of ``source`` that output regions record as `src`.
    public var sourceHash: String { SourceHash.of(source) }

    var rawText: String { openingLine + openingLineEnding + rawBody + closingLine }

    /// A new cell holding `source`, to be inserted into a workbook.
    public init(id: String?, source: String, lineEnding: LineEnding = .lf) {
        let normalized = Cell.normalize(source)
        let fence = Fence.backticks(longerThanRunsIn: normalized)
        self.id = id
        self.source = normalized
        self.line = 0
        self.fence = fence
        self.openingLine = fence + "pilot" + (id.map { " id=\($0)" } ?? "")
        self.openingLineEnding = lineEnding.rawValue
        self.rawBody = lineEnding == .lf ? normalized : normalized.replacingLF(with: lineEnding.rawValue)
        self.closingLine = fence + lineEnding.rawValue
    }

    init(
        id: String?, line: Int, fence: String, openingLine: String, openingLineEnding: String,
        rawBody: String, closingLine: String
    ) {
        self.id = id
        self.line = line
        self.fence = fence
        self.openingLine = openingLine
        self.openingLineEnding = openingLineEnding
        self.rawBody = rawBody
        self.closingLine = closingLine
        self.source = Cell.normalize(rawBody)
    }

    /// Gives the cell an id by writing `id=ID` into its info string right after `pilot`.
    mutating func assign(id newID: String) {
        precondition(id == nil, "cell already has an id")
        id = newID
        let marker = openingLine.range(of: "pilot")!
        openingLine.insert(contentsOf: " id=\(newID)", at: marker.upperBound)
    }

    /// Replaces the commands, keeping the fence (made longer if the new source needs it).
    public mutating func setSource(_ newSource: String, lineEnding: LineEnding) {
        let normalized = Cell.normalize(newSource)
        let needed = Fence.backticks(longerThanRunsIn: normalized)
        if fence.first == "`", needed.count > fence.count {
            openingLine = needed + openingLine.dropFirst(fence.count)
            closingLine = needed + closingLine.drop { $0 == "`" }
            fence = needed
        }
        source = normalized
        rawBody = lineEnding == .lf ? normalized : normalized.replacingLF(with: lineEnding.rawValue)
    }

    /// LF line endings and a final newline (unless empty).
    static func normalize(_ text: String) -> String {
        var result = text.replacingCRLF()
        if !result.isEmpty, !result.endsWithLineFeed { result += "\n" }
        return result
    }
}

extension String {
    /// This text with every CRLF turned into LF (compared by scalar, not by character).
    func replacingCRLF() -> String {
        guard utf8.contains(13) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if previousCR, byte != 10 { bytes.append(13) }
            previousCR = byte == 13
            if !previousCR { bytes.append(byte) }
        }
        if previousCR { bytes.append(13) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This LF-only text with every LF replaced by `ending`.
    func replacingLF(with ending: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count + utf8.count / 16)
        for scalar in unicodeScalars {
            if scalar == "\n" { result += ending } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
