/// Why an archive could not be read or extracted: what went wrong, and what to do.
public struct ArchiveError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
    /// The archive as the user named it.
    public var source: String

    public init(_ message: String, hint: String? = nil, source: String) {
        self.message = message
        self.hint = hint
        self.source = source
    }

    public var rendered: String {
        "error: \(source): \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}
