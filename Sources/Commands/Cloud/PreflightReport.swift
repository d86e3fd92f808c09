import Cloud
import TextLayout

/// The preflight as one table (each thing a job needs, ready or not), then what to fix for each
/// line that is not ready, in full.
enum PreflightReport {
    static func table(_ checks: [PreflightCheck], width: Int) -> String {
        // What is not ready is said in full below the table, so the table stays narrow.
        let rows = checks.map { [$0.item, $0.ready ? "ready" : "NOT READY", $0.ready ? $0.detail : "see below"] }
        var lines = [
            TextTable(columns: [.init("check"), .init("status"), .init("detail")], rows: rows).render(maxWidth: width)
        ]
        for check in checks where !check.ready {
            lines.append("\(check.item): \(check.detail)".wrapped(to: width, indent: "    "))
            if let fix = check.fix { lines.append("  fix: \(fix)".wrapped(to: width, indent: "    ")) }
        }
        return lines.joined(separator: "\n")
    }
}
