/// Why a file could not be loaded as a frame: one line naming the file (and line and column
/// where it applies), and a hint.
public struct CSVError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
    /// The file as the user named it.
    public var source: String
    /// 1-based line in the file, when the problem is on one.
    public var line: Int?

    public init(_ message: String, hint: String? = nil, source: String = "", line: Int? = nil) {
        self.message = message
        self.hint = hint
        self.source = source
        self.line = line
    }

    /// `error: FILE:LINE: message`, then `hint: ...`.
    public var rendered: String {
        var head = "error: "
        if !source.isEmpty { head += source + (line.map { ":\($0)" } ?? "") + ": " }
        return head + message + (hint.map { "\nhint: " + $0 } ?? "")
    }
}
