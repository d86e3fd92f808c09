import Ink

/// Turns a workbook's Markdown prose into HTML with Ink.
///
/// The Markdown is prepared for two of Ink's habits first, outside fenced code:
/// - HTML comments that start a line are removed (the line stays, blank, so paragraphs stay
///   apart): they are notes for people editing the file, and Ink reads a comment as an element
///   that never closes, swallowing the prose after it.
/// - A paragraph line that starts with inline code (`` `--param` `` wrapped onto a new line) gets
///   a leading space, which Markdown ignores: Ink would otherwise end the paragraph there.
/// - Soft line breaks inside East Asian text are removed (``SoftBreaks``).
struct ProseRenderer {
    /// The HTML of `markdown`.
    func html(_ markdown: String) -> String {
        MarkdownParser().html(from: ProseRenderer.prepared(SoftBreaks.joined(markdown)))
    }

    /// The plain text of the first top-level heading, if there is one.
    func title(_ markdown: String) -> String? {
        MarkdownParser().parse(ProseRenderer.prepared(markdown)).title
    }

    /// `markdown` without the HTML comments that start a line outside fenced code, and with a
    /// space before paragraph lines that start with inline code.
    static func prepared(_ markdown: String) -> String {
        var output: [Substring] = []
        var fence: Substring?
        var inComment = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if inComment {
                if let end = line.range(of: "-->") {
                    inComment = false
                    output.append(line[end.upperBound...])
                }
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) {
                    fence = nil
                }
                output.append(line)
                continue
            }
            if let marker = trimmed.first, marker == "`" || marker == "~" {
                let run = trimmed.prefix { $0 == marker }
                if run.count >= 3 {
                    fence = run
                } else if marker == "`", let previous = output.last, !previous.allSatisfy(\.isWhitespace) {
                    output.append(Substring(" " + line))
                    continue
                }
                output.append(line)
                continue
            }
            if trimmed.hasPrefix("<!--") {
                if let end = trimmed.range(of: "-->") {
                    output.append(trimmed[end.upperBound...])
                } else {
                    inComment = true
                }
                continue
            }
            output.append(line)
        }
        return output.joined(separator: "\n")
    }
}
