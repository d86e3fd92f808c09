/// The HTML comments that delimit output regions, and the image links inside them.
enum OutputMarker {
    private static let begin = Array("<!-- output:begin".utf8)
    private static let end = Array("<!-- output:end -->".utf8)

    static func isBegin(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: begin) && line.count > begin.count && (line[line.startIndex + begin.count] == 0x20)
            && trimmed(line).reversed().starts(with: Array("-->".utf8).reversed())
    }

    static func isEnd(_ line: ArraySlice<UInt8>) -> Bool {
        trimmed(line).elementsEqual(end)
    }

    /// The `key=value` pairs of a begin marker.
    static func attributes(_ line: ArraySlice<UInt8>) -> [String: String] {
        let text = String(decoding: trimmed(line), as: UTF8.self)
        var result: [String: String] = [:]
        for word in text.split(separator: " ").dropFirst(2) where word != "-->" {
            guard let eq = word.firstIndex(of: "=") else { continue }
            result[String(word[..<eq])] = String(word[word.index(after: eq)...])
        }
        return result
    }

    /// An image link `![alt](path)` filling the whole line.
    static func image(_ line: ArraySlice<UInt8>) -> OutputItem? {
        let text = String(decoding: trimmed(line), as: UTF8.self)
        guard text.hasPrefix("!["), text.hasSuffix(")") else { return nil }
        var alt = ""
        var index = text.index(text.startIndex, offsetBy: 2)
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                alt.append(text[index])
            } else if character == "]" {
                break
            } else {
                alt.append(character)
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        let rest = text[text.index(after: index)...]
        guard rest.hasPrefix("("), rest.count >= 2 else { return nil }
        let path = rest.dropFirst().dropLast()
        guard !path.isEmpty, !path.contains(" "), !path.contains("(") else { return nil }
        return .image(path: String(path), alt: alt)
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = line
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return slice
    }
}
