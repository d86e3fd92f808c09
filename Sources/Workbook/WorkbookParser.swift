/// Reads `.pilotbook` bytes into a ``Workbook``, keeping every byte so that writing it back is
/// the identity.
///
/// The rules are CommonMark's where they matter: a fence is 3 or more backticks or tildes after
/// at most 3 spaces and closes with a run of the same character at least as long; an HTML comment
/// block runs to the line holding `-->`, and fences inside it are not fences. A fenced block whose
/// info string starts with `pilot` and which starts in column 1 is a cell; an output region must
/// follow its cell with only blank lines between.
import Foundation
import TextLayout

struct WorkbookParser {
    private struct Line {
        var content: ArraySlice<UInt8>
        var ending: ArraySlice<UInt8>
        var number: Int

        var text: String { String(decoding: content, as: UTF8.self) }
        var raw: String { String(decoding: content, as: UTF8.self) + String(decoding: ending, as: UTF8.self) }
        var isBlank: Bool { content.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
    }

    private let lines: [Line]
    private let hasBOM: Bool
    private let lineEnding: LineEnding

    init(bytes: [UInt8]) throws(WorkbookError) {
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            throw WorkbookParser.invalidUTF8(at: offset, in: bytes)
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = bom ? bytes[3...] : bytes[...]
        var lines: [Line] = []
        var start = body.startIndex
        var number = 1
        var ending: LineEnding?
        while start < body.endIndex {
            let newline = body[start...].firstIndex(of: 0x0A)
            let end = newline ?? body.endIndex
            var contentEnd = end
            if newline != nil, contentEnd > start, body[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if newline != nil, ending == nil { ending = contentEnd < end ? .crlf : .lf }
            let next = newline.map { $0 + 1 } ?? body.endIndex
            lines.append(Line(content: body[start..<contentEnd], ending: body[contentEnd..<next], number: number))
            number += 1
            start = next
        }
        self.lines = lines
        self.hasBOM = bom
        self.lineEnding = ending ?? .lf
    }

    func parse() throws(WorkbookError) -> Workbook {
        var blocks: [Block] = []
        var prose = ""
        var seenIDs: [String: Int] = [:]
        var i = 0

        func flushProse() {
            if !prose.isEmpty { blocks.append(.prose(prose)); prose = "" }
        }

        while i < lines.count {
            let line = lines[i]
            if line.number == 1 { try checkVersion(line) }
            if let fence = Fence.opening(line.content) {
                guard let close = closingLine(of: fence, after: i) else {
                    throw error(
                        .unclosedFence, at: line, column: fence.indent + 1,
                        "the \(fenceText(fence))\(fence.language) fence opened here is never closed",
                        hint: "add a line with \(fenceText(fence)) after the block's last line")
                }
                guard fence.indent == 0, fence.language == "pilot" else {
                    for j in i...close { prose += lines[j].raw }
                    i = close + 1
                    continue
                }
                flushProse()
                let cell = try makeCell(fence: fence, open: i, close: close)
                if let id = cell.id {
                    if let first = seenIDs[id] {
                        throw error(
                            .duplicateID, at: line, column: idColumn(in: line),
                            "duplicate cell id '\(id)' (first used on line \(first))",
                            hint: "give this cell another id, or remove 'id=\(id)' to have one generated")
                    }
                    seenIDs[id] = line.number
                }
                i = close + 1
                blocks.append(.cell(cell))
                var k = i
                while k < lines.count, lines[k].isBlank { k += 1 }
                if k < lines.count, OutputMarker.isBegin(lines[k].content) {
                    let region = try makeRegion(begin: k, gapStart: i, cell: cell)
                    blocks.append(.output(region.region))
                    i = region.next
                }
                continue
            }
            if OutputMarker.isBegin(line.content) {
                throw error(
                    .orphanOutput, at: line, column: 1, "this output region does not follow a cell",
                    hint: "delete the region (from output:begin to output:end) or move it under its cell")
            }
            if OutputMarker.isEnd(line.content) {
                throw error(
                    .orphanOutput, at: line, column: 1, "output:end without an output:begin before it",
                    hint: "delete this line")
            }
            if let open = htmlCommentStart(line.content) {
                guard let end = commentEnd(from: i, searchingAfter: open) else {
                    throw error(
                        .unclosedComment, at: line, column: open - line.content.startIndex + 1,
                        "this HTML comment is never closed, so it would hide the rest of the file",
                        hint: "add --> where the comment should end")
                }
                for j in i...end { prose += lines[j].raw }
                i = end + 1
                continue
            }
            prose += line.raw
            i += 1
        }
        flushProse()
        return Workbook(blocks: blocks, hasByteOrderMark: hasBOM, lineEnding: lineEnding)
    }

    // MARK: Cells

    private func makeCell(fence: Fence, open: Int, close: Int) throws(WorkbookError) -> Cell {
        let line = lines[open]
        var id: String?
        for word in fence.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
        where word.hasPrefix("id=") {
            let value = String(word.dropFirst(3))
            guard CellID.isValid(value) else {
                throw error(
                    .invalidID, at: line, column: idColumn(in: line),
                    "'\(value)' is not a valid cell id",
                    hint: "use letters, digits, '-' and '_', starting with a letter or digit")
            }
            id = value
        }
        var body = ""
        for j in (open + 1)..<close { body += lines[j].raw }
        return Cell(
            id: id, line: line.number, fence: fenceText(fence), openingLine: line.text,
            openingLineEnding: String(decoding: line.ending, as: UTF8.self),
            rawBody: body, closingLine: lines[close].raw)
    }

    private func closingLine(of fence: Fence, after open: Int) -> Int? {
        var j = open + 1
        while j < lines.count {
            if fence.isClosed(by: lines[j].content) { return j }
            j += 1
        }
        return nil
    }

    private func fenceText(_ fence: Fence) -> String {
        String(repeating: Character(Unicode.Scalar(fence.character)), count: fence.length)
    }

    private func idColumn(in line: Line) -> Int {
        let text = line.text
        guard let range = text.range(of: "id=") else { return 1 }
        return text.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    // MARK: Output regions

    private func makeRegion(
        begin: Int, gapStart: Int, cell: Cell
    ) throws(WorkbookError)
        -> (region: OutputRegion, next: Int)
    {
        let line = lines[begin]
        let attributes = OutputMarker.attributes(line.content)
        guard let id = attributes["id"] else {
            throw error(
                .malformedOutput, at: line, column: 1, "this output region has no id=",
                hint: "delete the region; running the cell writes a new one")
        }
        guard id == cell.id else {
            let owner = cell.id.map { "the cell above it is '\($0)'" } ?? "the cell above it has no id"
            throw error(
                .orphanOutput, at: line, column: 1, "output region '\(id)' does not belong here: \(owner)",
                hint: "delete the region; running the cell writes a new one")
        }
        guard let status = attributes["status"].flatMap(OutputStatus.init(rawValue:)) else {
            throw error(
                .malformedOutput, at: line, column: 1, "output region '\(id)' has no valid status=",
                hint: "status is ok, error or interrupted; or delete the region and run the cell again")
        }
        var items: [OutputItem] = []
        var loose = ""
        func flushLoose() {
            if !loose.isEmpty { items.append(.text(loose)); loose = "" }
        }
        var j = begin + 1
        while j < lines.count {
            let inner = lines[j]
            if OutputMarker.isEnd(inner.content) {
                flushLoose()
                var gap = ""
                for g in gapStart..<begin { gap += lines[g].raw }
                var raw = ""
                for r in begin...j { raw += lines[r].raw }
                let region = OutputRegion(
                    cellID: id, status: status, sourceHash: attributes["src"] ?? "",
                    items: items, line: line.number, leadingGap: gap, rawText: raw)
                return (region, j + 1)
            }
            if let fence = Fence.opening(inner.content) {
                guard let close = closingLine(of: fence, after: j) else {
                    throw error(
                        .unclosedFence, at: inner, column: fence.indent + 1,
                        "the fence opened here inside output region '\(id)' is never closed",
                        hint: "delete the region; running the cell writes a new one")
                }
                flushLoose()
                var text = ""
                for t in (j + 1)..<close { text += lines[t].text + "\n" }
                let isError = fence.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "error"
                items.append(isError ? .error(text) : .text(text))
                j = close + 1
                continue
            }
            if let image = OutputMarker.image(inner.content) {
                flushLoose()
                items.append(image)
            } else if !inner.isBlank {
                loose += inner.text + "\n"
            }
            j += 1
        }
        throw error(
            .unclosedOutput, at: line, column: 1, "output region '\(id)' is never closed",
            hint: "add <!-- output:end --> after it, or delete it and run the cell again")
    }

    // MARK: HTML comments and the header

    /// The index of `<!--` if this line opens an HTML comment block (after at most 3 spaces).
    private func htmlCommentStart(_ content: ArraySlice<UInt8>) -> Int? {
        var i = content.startIndex
        var indent = 0
        while i < content.endIndex, content[i] == 0x20, indent < 4 { indent += 1; i += 1 }
        guard indent <= 3, content[i...].starts(with: Array("<!--".utf8)) else { return nil }
        return i
    }

    /// The line that holds the `-->` ending a comment opened at byte `open` of line `start`.
    private func commentEnd(from start: Int, searchingAfter open: Int) -> Int? {
        let closer = Array("-->".utf8)
        var j = start
        while j < lines.count {
            let content = lines[j].content
            let from = j == start ? open + 4 : content.startIndex
            if from <= content.endIndex, content[from...].firstRange(of: closer) != nil { return j }
            j += 1
        }
        return nil
    }

    private func checkVersion(_ line: Line) throws(WorkbookError) {
        let text = line.text.trimmingASCIIWhitespace()
        guard text.hasPrefix("<!-- pilotbook v"), text.hasSuffix("-->") else { return }
        let version = text.dropFirst("<!-- pilotbook v".count).prefix { $0.isNumber }
        if let number = Int(version), number > 1 {
            throw error(
                .unsupportedVersion, at: line, column: 1,
                "this workbook is format v\(number); this pilot reads v1",
                hint: "update pilotbook to open it")
        }
    }

    // MARK: Errors

    private func error(
        _ code: WorkbookError.Code, at line: Line, column: Int, _ message: String,
        hint: String
    ) -> WorkbookError {
        WorkbookError(
            code, message, hint: hint,
            location: .init(line: line.number, column: column, lineText: line.text))
    }

    private static func invalidUTF8(at offset: Int, in bytes: [UInt8]) -> WorkbookError {
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineNumber = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        var lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.endIndex
        if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var prefix = bytes[lineStart..<offset]
        if lineNumber == 1, prefix.starts(with: [0xEF, 0xBB, 0xBF]) { prefix = prefix.dropFirst(3) }
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        let shown =
            String(decoding: prefix, as: UTF8.self)
            + String(decoding: bytes[offset..<max(offset, lineEnd)], as: UTF8.self)
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return WorkbookError(
            .invalidUTF8, "byte 0x\(byte) is not UTF-8 text",
            hint: "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)",
            location: .init(line: lineNumber, column: column, lineText: shown))
    }
}

extension Workbook {
    /// Parses a workbook from the bytes of a `.pilotbook` file.
    ///
    /// - Throws: ``WorkbookError`` with the line and column of the first problem: bytes that are
    ///   not UTF-8, an unclosed fence, comment or output region, an output region that does not
    ///   follow its cell, an invalid or duplicate cell id, or a newer format version.
    public init(parsing bytes: [UInt8]) throws(WorkbookError) {
        self = try WorkbookParser(bytes: bytes).parse()
    }

    /// Parses a workbook from text.
    public init(parsing text: String) throws(WorkbookError) {
        try self.init(parsing: Array(text.utf8))
    }
}
