import TextLayout

/// A failure as the user reads it: what went wrong, what to do next, and where.
///
/// Every error people see is one of these, rendered in one place (``rendered``):
///
/// ```
/// error: tutorial.pilotbook:12:1: the ```pilot fence opened here is never closed
///   ```pilot id=load
///   ^
/// hint: add a line with ``` after the cell's last command
/// ```
///
/// Modules keep their own error types, which adopt ``DiagnosticConvertible``; code that must
/// tell failures apart looks at ``state``, never at the message text.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How the work that produced it ended.
    public enum State: Sendable, Equatable {
        /// Something went wrong.
        case failed
        /// The user asked the work to stop (Ctrl-C, a Jupyter interrupt).
        case interrupted
    }

    /// What went wrong, in one line that quotes the input and names the thing.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// Where, when it is about a particular place.
    public var location: SourceLocation?
    public var state: State

    public init(_ message: String, hint: String? = nil, at location: SourceLocation? = nil, state: State = .failed) {
        self.message = message
        self.hint = hint
        self.location = location
        self.state = state
    }

    /// Work stopped because the user asked: `interrupted`, and how to finish it.
    public static func interrupted(hint: String = "run the cell again to finish it") -> Diagnostic {
        Diagnostic("interrupted", hint: hint, state: .interrupted)
    }

    /// Whether the user stopped the work (as opposed to a failure).
    public var isInterruption: Bool { state == .interrupted }

    /// The same diagnostic, said of `file` (a path as the user named it).
    public func about(_ file: String) -> Diagnostic {
        var copy = self
        copy.location = (location ?? SourceLocation()).in(file)
        return copy
    }

    /// The same diagnostic with another hint.
    public func hinting(_ hint: String?) -> Diagnostic {
        var copy = self
        copy.hint = hint
        return copy
    }

    /// `error:` line (with `file:line:column:` when known), the source line with a caret under
    /// the column when there is one, and `hint:` line. The only place these words are written.
    public var rendered: String {
        lines.map(\.text).joined(separator: "\n")
    }

    /// The rendered lines with their roles, for a renderer that styles them (colours at a terminal).
    public var lines: [RenderedLine] {
        // `FILE:LINE:COLUMN: ` when the place is in a file; a place in a cell shows as the caret.
        var head = ""
        if let location, let file = location.file {
            head = file
            if let line = location.line {
                head += ":\(line)"
                if let column = location.column { head += ":\(column)" }
            }
            head += ": "
        }
        var lines = [RenderedLine(role: .error, label: "error:", body: " " + head + message)]
        if let location, let text = location.sourceLine, let column = location.column {
            lines.append(RenderedLine(role: .source, label: "", body: "  " + text))
            lines.append(RenderedLine(role: .source, label: "", body: "  " + text.caretIndent(upTo: column - 1) + "^"))
        }
        if let hint { lines.append(.hint(hint)) }
        return lines
    }

    public var description: String { rendered }

    /// One line of a rendered diagnostic: its label (`error:`, `hint:`, or none) and the rest.
    public struct RenderedLine: Sendable, Equatable {
        public enum Role: Sendable { case error, source, hint }
        public var role: Role
        public var label: String
        public var body: String
        public var text: String { label + body }

        /// A `hint:` line on its own: what to do next after something that is not an error.
        public static func hint(_ text: String) -> RenderedLine {
            RenderedLine(role: .hint, label: "hint:", body: " " + text)
        }
    }
}

/// Where a diagnostic points: a file as the user named it, a 1-based line and column, and the
/// text of that line for the caret.
public struct SourceLocation: Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var sourceLine: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    /// The same place, in `file`.
    public func `in`(_ file: String) -> SourceLocation {
        var copy = self
        copy.file = file
        return copy
    }
}

extension Diagnostic {
    /// The first line of a diagnostic as ``rendered`` wrote it, without its `error:` label:
    /// what a stored workbook's error fence says went wrong.
    public static func headline(ofRendered text: String) -> String {
        let first = text.prefix { $0 != "\n" }
        let label = "error:"
        return String(first.hasPrefix(label) ? first.dropFirst(label.count).drop { $0 == " " } : first)
    }
}
