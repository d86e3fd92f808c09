/// The results of one `pilot check`, for a gradebook: one ``BookCheck/Report`` per workbook, in
/// the order the workbooks were named, whatever order they finished in. Written as CSV
/// (``csv``) or JUnit XML (``junit(timestamp:hostname:)``).
public struct CheckReport: Sendable, Equatable {
    public var books: [BookCheck.Report]

    public init(books: [BookCheck.Report]) {
        self.books = books
    }

    /// How many workbooks match their stored outputs.
    public var passedCount: Int { books.filter(\.passed).count }

    /// The cells not run, grouped by why: `not trusted (load, set)`, groups joined by `; `.
    static func notRunSummary(_ book: BookCheck.Report) -> String {
        var reasons: [String] = []
        var cells: [String: [String]] = [:]
        for skipped in book.notRun {
            if cells[skipped.reason] == nil { reasons.append(skipped.reason) }
            cells[skipped.reason, default: []].append(skipped.cellID)
        }
        return reasons.map { "\($0) (\(cells[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")
    }
}
