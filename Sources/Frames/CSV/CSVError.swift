import Diagnostics

/// Why a file could not be loaded as a frame: one line naming the file (and line and column
/// where it applies), and a hint.
public struct CSVError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// What kind of problem it is; callers that react to one look here, not at the message.
    public enum Code: Sendable, Equatable { case noSuchFile, unreadable, malformed }

    public var code: Code
    public var message: String
    public var hint: String?
    /// The file as the user named it.
    public var source: String
    /// 1-based line in the file, when the problem is on one.
    public var line: Int?

    public init(
        _ message: String, hint: String? = nil, source: String = "", line: Int? = nil,
        code: Code = .malformed
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.source = source
        self.line = line
    }

    /// `FILE:LINE: message`, then the hint.
    public var diagnostic: Diagnostic {
        Diagnostic(message, hint: hint, at: source.isEmpty ? nil : SourceLocation(file: source, line: line))
    }
}
