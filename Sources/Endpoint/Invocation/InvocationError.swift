import Diagnostics

/// Why an invocation was refused: an HTTP status, a message that says what was wrong, and the
/// row and column of the request it is about, when it is about one. Sent back as JSON; the
/// server keeps serving.
///
/// ```json
/// {"column":"age","error":"row 2, column 'age': 'forty' is not a number","row":2}
/// ```
public struct InvocationError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// The HTTP statuses an invocation can be refused with.
    public enum Status: Int, Sendable {
        case badRequest = 400
        case notAcceptable = 406
        case contentTooLarge = 413
        case unsupportedMediaType = 415
    }

    public var status: Status
    public var message: String
    /// The 1-based row of the request, when the error is about one.
    public var row: Int?
    /// The column's name, when the error is about one.
    public var column: String?

    public init(_ status: Status, _ message: String, row: Int? = nil, column: String? = nil) {
        self.status = status
        self.message = message
        self.row = row
        self.column = column
    }

    public var diagnostic: Diagnostic { Diagnostic(message) }

    /// The JSON body, from the diagnostic: `error`, `hint` when there is one, and `row` and
    /// `column` when known.
    public var json: String {
        let diagnostic = diagnostic
        return JSONText.encode(Body(error: diagnostic.message, hint: diagnostic.hint, row: row, column: column))
    }

    /// What ``json`` writes; a member that is nil is left out.
    private struct Body: Encodable {
        var error: String
        var hint: String?
        var row: Int?
        var column: String?
    }
}
