import TextLayout

/// The box-drawn tables of a text output as an HTML `<table>`, for front ends that show HTML
/// (JupyterLab, VS Code); the lines around them as `<pre>`.
///
/// pilot's tables (``TextLayout/TextTable``) are drawn the same way every time: a `┌` line, the
/// header rows between `│`, a `├` rule, the body rows, a `└` line. Text without such a table
/// has no HTML form (``render(_:)`` returns `nil`) and shows as plain text.
enum TableHTML {
    static func render(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.contains(where: { $0.hasPrefix("┌") }) else { return nil }
        var html = ""
        var plain: [String] = []
        var header: [[String]] = []
        var body: [[String]] = []
        var inTable = false
        var pastRule = false
        func flushPlain() {
            while plain.last == "" { plain.removeLast() }
            if !plain.isEmpty { html += "<pre>" + plain.joined(separator: "\n").xmlEscaped + "</pre>\n" }
            plain = []
        }
        for line in lines {
            if !inTable, line.hasPrefix("┌") {
                flushPlain()
                (inTable, pastRule, header, body) = (true, false, [], [])
            } else if inTable, line.hasPrefix("├") {
                pastRule = true
            } else if inTable, line.hasPrefix("│") {
                let cells = line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingSpaces() }
                if pastRule { body.append(cells) } else { header.append(cells) }
            } else if inTable, line.hasPrefix("└") {
                inTable = false
                html += table(header: pastRule ? header : [], body: pastRule ? body : header)
            } else {
                plain.append(line)
            }
        }
        flushPlain()
        return html
    }

    private static func table(header: [[String]], body: [[String]]) -> String {
        var html = "<table>\n"
        if !header.isEmpty {
            html += "<thead>\n"
            for row in header { html += "<tr>" + row.map { "<th>\($0.xmlEscaped)</th>" }.joined() + "</tr>\n" }
            html += "</thead>\n"
        }
        html += "<tbody>\n"
        for row in body { html += "<tr>" + row.map { "<td>\($0.xmlEscaped)</td>" }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }
}

extension Substring {
    /// The text without spaces at either end.
    fileprivate func trimmingSpaces() -> String {
        String(String(drop { $0 == " " }.reversed().drop { $0 == " " }).reversed())
    }
}
