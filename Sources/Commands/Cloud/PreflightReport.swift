import Cloud
import TextLayout

/// The preflight as one table: each thing a job needs, ready or not, and the fix.
enum PreflightReport {
    static func table(_ checks: [PreflightCheck], width: Int) -> String {
        let rows = checks.map { check in
            [check.item, check.ready ? "ready" : "NOT READY", check.detail + (check.fix.map { "; fix: \($0)" } ?? "")]
        }
        return TextTable(columns: [.init("check"), .init("status"), .init("detail")], rows: rows)
            .render(maxWidth: width)
    }
}
