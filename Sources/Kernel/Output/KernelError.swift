import TextLayout

/// A command failure as the user reads it: what went wrong, and what to do next.
///
/// ```
/// error: unknown command 'hlep'
/// hint: did you mean 'help'?
/// ```
public struct KernelError: Error, Sendable, Equatable {
    /// What went wrong, in one line that quotes the input and names the thing.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// Where in the cell, when it is about a particular place (1-based line and column).
    public var line: Int?
    public var column: Int?
    /// The text of that line, shown with a caret under the column.
    public var lineText: String?

    public init(_ message: String, hint: String? = nil, line: Int? = nil, column: Int? = nil,
                lineText: String? = nil) {
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    /// `error: ...`, the line with a caret when there is one, and `hint: ...`.
    public var rendered: String {
        var lines = ["error: " + message]
        if let lineText, let column {
            lines.append("  " + lineText)
            lines.append("  " + lineText.caretIndent(upTo: column - 1) + "^")
        }
        if let hint { lines.append("hint: " + hint) }
        return lines.joined(separator: "\n")
    }
}
