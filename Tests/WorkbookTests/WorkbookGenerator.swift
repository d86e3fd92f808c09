import PropertyBased

/// Generators of workbook text for the property tests.
enum WorkbookGenerator {
    /// Pieces a workbook is made of; each ends with a line ending placeholder `⏎`.
    static let validPieces: [String] = [
        "# Heading⏎",
        "Some prose with `code` and **bold**.⏎",
        "⏎",
        "   ⏎",
        "\tindented with a tab⏎",
        "日本語の説明文です。表の列がそろうこと。⏎",
        "<!-- a comment -->⏎",
        "<!--⏎multi-line comment with ```pilot inside⏎-->⏎",
        "```python⏎print('hi')⏎```⏎",
        "~~~⏎```pilot⏎not a cell⏎~~~⏎",
        "````md⏎```pilot⏎nested⏎```⏎````⏎",
        "```pilot⏎help⏎```⏎",
        "```pilot⏎set seed=1 # comment⏎vars⏎```⏎",
        "```pilot  extra=words⏎# only a comment⏎```⏎",
        "~~~pilot⏎reset⏎~~~⏎",
        "```pilot⏎```⏎",
        "> quoted ```pilot⏎",
        "    ```pilot (indented code)⏎",
        "- list item⏎",
    ]

    static let outputPieces: [String] = [
        "⏎<!-- output:begin id=ID status=ok src=deadbeef -->⏎```text⏎result⏎```⏎<!-- output:end -->⏎",
        "<!-- output:begin id=ID status=error src=1 -->⏎````text⏎``` inside⏎<!-- output:end -->⏎````⏎<!-- output:end -->⏎",
        "⏎⏎<!-- output:begin id=ID status=interrupted src=2 -->⏎![plot](b.assets/x.svg)⏎<!-- output:end -->⏎",
    ]

    static func assemble(_ pieces: [String], crlf: Bool, bom: Bool, dropFinalNewline: Bool) -> String {
        var counter = 0
        var text = ""
        for piece in pieces {
            var piece = piece
            if piece.contains("```pilot⏎") || piece.hasPrefix("~~~pilot") {
                counter += 1
                piece = piece.replacingFirst("pilot⏎", with: "pilot id=c\(counter)⏎")
            }
            piece = piece.replacingAll("ID", with: "c\(counter)")
            text += piece
        }
        text = text.replacingAll("⏎", with: crlf ? "\r\n" : "\n")
        if dropFinalNewline, let last = text.last, last == "\n" || last == "\r\n" { text.removeLast() }
        return (bom ? "\u{FEFF}" : "") + text
    }

    /// Valid workbooks: cells with ids, each optionally followed by its output region.
    static let workbook = PropertyBased.zip(
        PropertyBased.zip(Gen.element(of: validPieces), Gen.element(of: outputPieces), Gen.bool(0.4))
            .array(of: 0...14),
        Gen.bool(0.3), Gen.bool(0.2), Gen.bool(0.2)
    ).map { generated -> String in
        let (items, crlf, bom, drop) = generated
        var pieces: [String] = []
        for (piece, output, withOutput) in items {
            guard let piece, let output else { continue }
            pieces.append(piece)
            if withOutput, piece.contains("pilot⏎"), !piece.contains("not a cell"), !piece.contains("nested"),
               !piece.contains("-->"), !piece.hasPrefix(">"), !piece.hasPrefix("    ") {
                pieces.append(output)
            }
        }
        return assemble(pieces, crlf: crlf, bom: bom, dropFinalNewline: drop)
    }

    /// Valid workbooks without output regions or ids.
    static let workbookWithoutOutputs = PropertyBased.zip(Gen.element(of: validPieces).array(of: 0...12), Gen.bool(0.3))
        .map { generated -> String in
            let (pieces, crlf) = generated
            return pieces.compactMap { $0 }.joined().replacingAll("⏎", with: crlf ? "\r\n" : "\n")
        }

    /// Fragments likely to confuse a parser: partial fences and markers, odd bytes, CRs.
    static let noisePieces: [String] = validPieces + outputPieces + [
        "```", "~~~", "````", "```pilot", "<!--", "-->", "<!-- output:begin id=x status=ok src=1 -->",
        "<!-- output:end -->", "\r", "\n", "\r\n", " ", "\t", "id=", "id=x", "pilot", "`", "é", "\u{301}", "💻",
        "<!-- pilotbook v1 -->", "<!-- pilotbook v9 -->", "\u{FEFF}", "\0",
    ]

    static let noise = Gen.element(of: noisePieces).array(of: 0...40).map { pieces -> String in
        pieces.compactMap { $0 }.joined().replacingAll("⏎", with: "\n")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
