import TextLayout

/// Markdown prose rendered for a terminal, simply: headings bold, paragraphs and list items
/// wrapped to the width, code blocks and `code spans` kept as written, HTML comments dropped.
///
/// ```swift
/// ProseRenderer(width: 60, bold: false).render("# Step 3\n\nLoad the data.\n")
/// ```
struct ProseRenderer {
    var width: Int
    /// Whether to use bold (off with `NO_COLOR` or off a terminal).
    var bold: Bool

    func render(_ markdown: String) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var paragraphIndent = ""
        var fence: String?
        var inComment = false

        func flush() {
            guard !paragraph.isEmpty else { return }
            output.append(wrap(paragraph.joined(separator: " "), hanging: paragraphIndent))
            paragraph = []
        }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingLeadingSpaces()
            if let open = fence {
                output.append(line)
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if trimmed.hasPrefix("<!--") {
                flush()
                if !line.contains("-->") { inComment = true }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = String(trimmed.prefix { $0 == "`" || $0 == "~" })
                output.append(line)
                continue
            }
            if trimmed.isEmpty {
                flush()
                if output.last.map({ !$0.isEmpty }) ?? false { output.append("") }
                continue
            }
            if trimmed.hasPrefix("#") {
                flush()
                let title = trimmed.drop { $0 == "#" }.trimmingLeadingSpaces()
                output.append(bold ? "\u{1B}[1m" + title + "\u{1B}[0m" : trimmed)
                continue
            }
            if let marker = Self.listMarker(trimmed) {
                flush()
                paragraphIndent = String(repeating: " ", count: line.count - trimmed.count + marker.count)
                paragraph = [String(line.prefix(line.count - trimmed.count)) + trimmed]
                continue
            }
            if paragraph.isEmpty { paragraphIndent = "" }
            paragraph.append(paragraph.isEmpty ? line : trimmed)
        }
        flush()
        while output.last == "" { output.removeLast() }
        while output.first == "" { output.removeFirst() }
        return output.isEmpty ? "" : output.joined(separator: "\n") + "\n"
    }

    /// `- `, `* ` or `1. ` at the start of a list item.
    static func listMarker(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.prefix(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return String(digits) + ". " }
        return nil
    }

    /// Word-wraps `text`, never breaking inside a `code span`.
    private func wrap(_ text: String, hanging indent: String) -> String {
        var words: [String] = []
        var current = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == " ", !inCode {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let lead = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var line = lead
        for word in words {
            let candidate = line.allSatisfy({ $0 == " " }) ? line + word : line + " " + word
            if !line.allSatisfy({ $0 == " " }), candidate.displayWidth > width {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

extension StringProtocol {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
