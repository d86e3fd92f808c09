import Foundation

/// Just enough XML for S3's answers: the text of elements by name, in document order. S3's
/// documents are flat records (`<Error><Code>`, `<Contents><Key>`), so a scan of start and end
/// tags is all that is needed; entities and CDATA are decoded.
struct XMLFields: Sendable {
    private let text: String

    init(_ data: Data) {
        text = String(decoding: data, as: UTF8.self)
    }

    /// The text of the first `<name>` element.
    func first(_ name: String) -> String? { all(name).first }

    /// The text of every `<name>` element, in order.
    func all(_ name: String) -> [String] {
        elements(name).map { Self.unescaped(String($0)) }
    }

    /// Each `<name>…</name>` element's inner XML, for records such as `<Contents>` and `<Upload>`.
    func records(_ name: String) -> [XMLFields] {
        elements(name).map { XMLFields(Data($0.utf8)) }
    }

    private func elements(_ name: String) -> [Substring] {
        var found: [Substring] = []
        var rest = text[...]
        let open = "<\(name)", close = "</\(name)>"
        while let start = rest.range(of: open) {
            let after = rest[start.upperBound...]
            guard let next = after.first, next == ">" || next == " " || next == "/" else {
                rest = after
                continue
            }
            guard let tagEnd = after.firstIndex(of: ">") else { break }
            if after[..<tagEnd].hasSuffix("/") {
                found.append("")
                rest = after[after.index(after: tagEnd)...]
                continue
            }
            let body = after[after.index(after: tagEnd)...]
            guard let end = body.range(of: close) else { break }
            found.append(body[..<end.lowerBound])
            rest = body[end.upperBound...]
        }
        return found
    }

    static func unescaped(_ text: String) -> String {
        if text.hasPrefix("<![CDATA["), text.hasSuffix("]]>") { return String(text.dropFirst(9).dropLast(3)) }
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        // Numeric references (S3 writes `&#13;` in keys), then `&amp;` last.
        while let range = out.range(of: "&#[xX]?[0-9a-fA-F]+;", options: .regularExpression) {
            let inner = out[range].dropFirst(2).dropLast()
            let value = inner.first == "x" || inner.first == "X" ? UInt32(inner.dropFirst(), radix: 16) : UInt32(inner)
            out.replaceSubrange(range, with: value.flatMap(Unicode.Scalar.init).map { String($0) } ?? "")
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` with XML's special characters escaped, for request bodies.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
