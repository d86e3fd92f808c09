import TextLayout

/// Markdown prose rendered for a terminal: headings bold, paragraphs and list items wrapped to
/// the width by ``LineBreaker`` (Japanese line breaking included), inline code, emphasis and
/// links styled without their markers, code blocks kept as written, HTML comments dropped.
///
/// ```swift
/// ProseRenderer(width: 60, styled: false).render("# Step 3\n\nLoad the `data`.\n")
/// ```
struct ProseRenderer {
    var width: Int
    /// Whether to use the terminal's styles (off with `NO_COLOR` or off a terminal): without
    /// them, inline Markdown shows as plain text.
    var styled: Bool

    func render(_ markdown: String) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var paragraphIndent = ""
        var fence: String?
        var inComment = false

        func flush() {
            guard !paragraph.isEmpty else { return }
            output.append(wrap(paragraph.joined(separator: "\n"), hanging: paragraphIndent))
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
                let hashes = trimmed.prefix { $0 == "#" }
                let title = InlineMarkdown.parse(trimmed.dropFirst(hashes.count).trimmingLeadingSpaces())
                output.append(styled ? render(title[...], base: .strong) : hashes + " " + render(title[...]))
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

    /// Wraps a paragraph (its lines joined by newlines) to the width: soft line breaks become
    /// spaces, or nothing inside East Asian text; lines break where ``LineBreaker`` allows, never
    /// inside a code span; later lines start with `indent`.
    private func wrap(_ text: String, hanging indent: String) -> String {
        var characters = InlineMarkdown.parse(text)
        var index = 0
        while index < characters.count {
            if characters[index].character == "\n" {
                let before = characters[..<index].last { $0.character != " " }?.character ?? " "
                let after = characters[(index + 1)...].first { $0.character != " " }?.character ?? " "
                if LineBreaker.joinsWithoutSpace(before, after) {
                    characters.remove(at: index)
                    continue
                }
                characters[index].character = " "
            }
            index += 1
        }
        let plain = characters.map(\.character)
        let lines = LineBreaker.lines(
            plain, width: width, laterWidth: width - indent.displayWidth,
            unbreakable: { characters[$0].style.contains(.code) && characters[$0 - 1].style.contains(.code) })
        return lines.enumerated().map { number, range in
            (number == 0 ? "" : indent) + render(characters[range])
        }.joined(separator: "\n")
    }

    /// Styled characters as text: with the terminal's styles (each line ends them), or plain.
    private func render(_ characters: ArraySlice<InlineMarkdown.Styled>, base: InlineMarkdown.Style = []) -> String {
        guard styled else { return String(characters.map(\.character)) }
        var output = ""
        var current: InlineMarkdown.Style = []
        for styledCharacter in characters {
            let style = styledCharacter.style.union(base)
            if style != current {
                output += (current.isEmpty ? "" : "\u{1B}[0m") + style.escape
                current = style
            }
            output.append(styledCharacter.character)
        }
        return output + (current.isEmpty ? "" : "\u{1B}[0m")
    }
}

extension StringProtocol {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
