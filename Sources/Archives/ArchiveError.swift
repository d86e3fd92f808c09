import Diagnostics

/// Why an archive could not be read or extracted: what went wrong, and what to do.
public struct ArchiveError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// What kind of problem it is; callers that react to one look here, not at the message.
    public enum Code: Sendable, Equatable { case noSuchFile, other }

    public var code: Code
    public var message: String
    public var hint: String?
    /// The archive as the user named it.
    public var source: String

    public init(_ message: String, hint: String? = nil, source: String, code: Code = .other) {
        self.code = code
        self.message = message
        self.hint = hint
        self.source = source
    }

    /// `ARCHIVE: message`, then the hint.
    public var diagnostic: Diagnostic {
        Diagnostic(message, hint: hint, at: SourceLocation(file: source))
    }
}
