/// The content types an endpoint reads and writes, and how `Content-Type` and `Accept` headers
/// choose among them.
public enum MediaType: String, Sendable, CaseIterable {
    case csv = "text/csv"
    case json = "application/json"
    case jsonLines = "application/jsonlines"

    /// What a request body is, from its `Content-Type` (parameters such as `charset` ignored);
    /// CSV when the header is missing.
    ///
    /// - Throws: ``InvocationError`` (415) for any other type.
    static func ofBody(_ contentType: String?) throws(InvocationError) -> MediaType {
        guard let contentType, let type = essence(contentType), !type.isEmpty else { return .csv }
        switch type {
        case "text/csv": return .csv
        case "application/json": return .json
        default:
            throw InvocationError(
                .unsupportedMediaType,
                "content type '\(contentType)' is not supported: send text/csv (rows without header) or "
                    + "application/json ({\"instances\": [...]})"
            )
        }
    }

    /// What to answer in, from `Accept`: the first type listed that the endpoint writes
    /// (`*/*`, `text/*` or no header: CSV, as SageMaker's default).
    ///
    /// - Throws: ``InvocationError`` (406) when no listed type can be written.
    static func forReply(_ accept: String?) throws(InvocationError) -> MediaType {
        guard let accept, !accept.allSatisfy({ $0 == " " }) else { return .csv }
        for part in accept.split(separator: ",") {
            switch essence(String(part)) {
            case "text/csv", "text/*", "*/*", "": return .csv
            case "application/json", "application/*": return .json
            case "application/jsonlines", "application/x-ndjson", "application/json-lines": return .jsonLines
            default: continue
            }
        }
        throw InvocationError(
            .notAcceptable,
            "cannot answer in '\(accept)': accept text/csv, application/json or application/jsonlines")
    }

    /// `text/csv; charset=utf-8` → `text/csv`.
    private static func essence(_ header: String) -> String? {
        let type = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingCharacters(in: " \t").lowercased()
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
