import Workbook

/// Writes a workbook as plain Markdown: prose as it is, cells as `pilot` fences, outputs as
/// `text` fences and images as links to the asset files; no output markers.
///
/// A failed, interrupted or stale output is introduced by a one-line note in italics.
struct MarkdownExporter {
    let outline: BookOutline
    /// Put before every image path, so links still reach `BOOK.assets/` from where the Markdown
    /// file is written (`""` beside the workbook, `"../workbooks/"` elsewhere).
    let imagePrefix: String
    /// Whether to remove soft line breaks inside East Asian prose (``SoftBreaks``), as the HTML
    /// and notebook exports always do.
    var joinLines = false

    func render() -> String {
        var parts: [String] = []
        for section in outline.sections {
            switch section {
            case .prose(let markdown):
                parts.append(joinLines ? SoftBreaks.joined(markdown) : markdown)
            case .cell(let cell):
                parts.append(MarkdownExporter.fenced(cell.source, info: "pilot"))
                if let note = MarkdownExporter.note(for: cell) { parts.append(note) }
                for item in cell.items {
                    switch item {
                    case .text(let text):
                        parts.append(MarkdownExporter.fenced(text, info: "text"))
                    case .error(let text):
                        parts.append(MarkdownExporter.fenced(text, info: "error"))
                    case .image(let path, let alt):
                        parts.append("![\(MarkdownExporter.escapedAlt(alt))](\(imagePrefix + path))")
                    }
                }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The note before a cell's output, when the output is not a clean, current one.
    static func note(for cell: BookOutline.CellSection) -> String? {
        var words: [String] = []
        switch cell.status {
        case .error?: words.append("This cell failed; its output ends with the error.")
        case .interrupted?: words.append("This cell was interrupted before it finished.")
        default: break
        }
        if cell.isStale { words.append("This output is stale: the cell changed after it ran.") }
        return words.isEmpty ? nil : "*" + words.joined(separator: " ") + "*"
    }

    /// `text` in a backtick fence longer than any backtick run inside it.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return fence + info + "\n" + body + fence
    }

    static func escapedAlt(_ alt: String) -> String {
        var result = ""
        for character in alt {
            switch character {
            case "[", "]", "\\": result += "\\\(character)"
            case "\n", "\r\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
