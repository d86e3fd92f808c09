import TextLayout

/// Soft line breaks inside East Asian prose, removed.
///
/// A workbook's prose is wrapped at about 100 columns, and Markdown turns a line break inside a
/// paragraph into a space: browsers and Jupyter show `もう一 度実行しても` where Japanese has no
/// space at all. Lines are joined where one ends and the next starts with East Asian text (wide
/// characters or CJK punctuation, looking through `*` and `_` emphasis markers); between Latin
/// words the break stays, a space as before. Fenced code, headings, tables, HTML comments and
/// list items keep their lines.
///
/// ```swift
/// SoftBreaks.joined("もう一\n度実行しても\nbut Latin\nstays")  // "もう一度実行しても\nbut Latin\nstays"
/// ```
enum SoftBreaks {
    static func joined(_ markdown: String) -> String {
        var output: [String] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                output.append(String(line))
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                output.append(String(line))
                continue
            }
            if let previous = output.last, continues(previous), let first = visibleFirst(trimmed),
                let last = visibleLast(previous), LineBreaker.joinsWithoutSpace(last, first)
            {
                output[output.count - 1] = previous + trimmed
            } else {
                output.append(String(line))
            }
        }
        return output.joined(separator: "\n")
    }

    /// Whether the next line may join `line`: a line of a paragraph, not a heading, a table row
    /// or a comment (a list item's own line may take its continuation).
    private static func continues(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return false }
        return first != "#" && first != "|" && !trimmed.hasPrefix("<!--") && !line.hasSuffix("  ")
    }

    private static let markers: Set<Character> = ["*", "_"]

    private static func visibleFirst(_ line: Substring) -> Character? {
        line.first { !markers.contains($0) }
    }

    private static func visibleLast(_ line: String) -> Character? {
        line.last { !markers.contains($0) }
    }
}
