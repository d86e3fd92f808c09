import TextLayout
import Workbook

/// Writes a workbook as one self-contained HTML page.
///
/// Prose is rendered from Markdown with Ink; each cell becomes a code block followed by its
/// stored output: text as preformatted blocks, SVG plots inline. Cells whose output is stale,
/// failed or interrupted carry a badge. The page fetches nothing: styles are inline and a
/// Content-Security-Policy forbids scripts and every request, so a workbook someone else wrote
/// is as inert in a browser as it is in a text editor.
struct HTMLExporter {
    let outline: BookOutline
    let assets: AssetReader
    /// The workbook's file name, for the title when the prose has no heading.
    let bookName: String

    private let prose = ProseRenderer()

    func render() -> String {
        var body = ""
        for section in outline.sections {
            switch section {
            case .prose(let markdown):
                body += "<div class=\"prose\">\n" + prose.html(markdown) + "\n</div>\n"
            case .cell(let cell):
                body += render(cell)
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
            img-src data:">
            <meta name="generator" content="pilot export">
            <title>\(title.xmlEscaped)</title>
            <style>
            \(HTMLStylesheet.css)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            <footer>Exported from \(bookName.xmlEscaped) by <code>pilot export</code>. Outputs are as stored in the \
            workbook; nothing was run.</footer>
            </body>
            </html>

            """
    }

    /// The first top-level heading of the prose, else the workbook's file name.
    var title: String {
        let allProse = outline.sections.compactMap { if case .prose(let text) = $0 { text } else { nil } }
        return allProse.lazy.compactMap { prose.title($0) }.first { !$0.isEmpty } ?? bookName
    }

    /// `ja` when the prose holds kana (so browsers pick Japanese glyphs for shared ideographs),
    /// else `en`.
    var language: String {
        for section in outline.sections {
            guard case .prose(let text) = section else { continue }
            if text.unicodeScalars.contains(where: { (0x3041...0x30FF).contains($0.value) }) { return "ja" }
        }
        return "en"
    }

    private func render(_ cell: BookOutline.CellSection) -> String {
        var classes = ["cell"]
        var badges: [String] = []
        switch cell.status {
        case nil:
            classes.append("not-run")
            badges.append(badge("not run", kind: "muted", title: "this cell has no stored output"))
        case .ok?:
            break
        case .error?:
            classes.append("failed")
            badges.append(badge("failed", kind: "error", title: "the cell's last run ended with an error"))
        case .interrupted?:
            classes.append("interrupted")
            badges.append(
                badge("interrupted", kind: "warning", title: "the cell's last run was stopped before it finished"))
        }
        if cell.isStale {
            classes.append("stale")
            badges.append(badge("stale", kind: "warning", title: "the cell changed after this output was produced"))
        }
        let anchor = cell.id.map { " id=\"cell-\($0.xmlEscaped)\"" } ?? ""
        var html = "<section class=\"\(classes.joined(separator: " "))\"\(anchor)>\n"
        html += "<div class=\"cell-head\"><span class=\"cell-id\">\((cell.id ?? "cell").xmlEscaped)</span>"
        html += badges.joined() + "</div>\n"
        let source = cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source
        html += "<pre class=\"source\"><code>\(source.xmlEscaped)</code></pre>\n"
        if cell.output != nil {
            html += "<div class=\"output\">\n"
            if cell.isStale {
                html += "<p class=\"note\">This output is stale: the cell changed after it ran.</p>\n"
            }
            for item in cell.items {
                html += render(item)
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private func render(_ item: OutputItem) -> String {
        switch item {
        case .text(let text):
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            return "<pre class=\"text\">\(body.xmlEscaped)</pre>\n"
        case .error(let text):
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            return "<pre class=\"text error\">\(body.xmlEscaped)</pre>\n"
        case .image(let path, let alt):
            guard let svg = assets.svg(at: path) else {
                return "<p class=\"missing\">image not included: \(path.xmlEscaped) (\(alt.xmlEscaped))</p>\n"
            }
            return "<figure class=\"plot\" role=\"img\" aria-label=\"\(alt.xmlEscaped)\">\n\(svg)\n</figure>\n"
        }
    }

    private func badge(_ label: String, kind: String, title: String) -> String {
        "<span class=\"badge \(kind)\" title=\"\(title.xmlEscaped)\">\(label)</span>"
    }
}
