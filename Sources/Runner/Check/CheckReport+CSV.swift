extension CheckReport {
    /// The columns of ``csv``.
    public static let csvHeader = [
        "file", "verdict", "parameters", "cells", "checked", "differing", "differing_cells", "not_run", "not_run_why",
    ]

    /// One row per workbook under a header row, as RFC 4180 writes CSV (CRLF line ends, fields
    /// with a comma, quote or line break in double quotes, quotes doubled): file, verdict (`ok`,
    /// `FAILED`, `NOT RUN`), the parameter values used (`seed=17, ratio=0.8`), how many cells
    /// the workbook has, were checked and differ, the ids of those that differ (space-separated),
    /// and how many did not run and why.
    ///
    /// ```
    /// file,verdict,parameters,cells,checked,differing,differing_cells,not_run,not_run_why
    /// ben.pilotbook,ok,"seed=17, ratio=0.8",2,2,0,,0,
    /// ```
    public var csv: String {
        var rows = [Self.csvHeader]
        for book in books {
            rows.append([
                book.path, book.verdictKind.rawValue, book.parameterList, String(book.cellCount),
                String(book.checkedCount), String(book.differences.count),
                book.differences.map(\.cellID).joined(separator: " "), String(book.notRun.count),
                Self.notRunSummary(book),
            ])
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// `field` quoted when RFC 4180 asks for it.
    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
