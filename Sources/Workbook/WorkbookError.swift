import Diagnostics

/// Why a workbook could not be read or saved.
///
/// Parse errors carry the line and column they are about and the text of that line, so they
/// render the way compilers do:
///
/// ```
/// error: tutorial.pilotbook:12:1: the ```pilot fence opened here is never closed
///   ```pilot id=load
///   ^
/// hint: add a line with ``` after the cell's last command
/// ```
public struct WorkbookError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// What kind of problem it is; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }

        public static let invalidUTF8 = Code(name: "invalidUTF8")
        public static let unclosedFence = Code(name: "unclosedFence")
        public static let unclosedComment = Code(name: "unclosedComment")
        public static let unclosedOutput = Code(name: "unclosedOutput")
        public static let orphanOutput = Code(name: "orphanOutput")
        public static let malformedOutput = Code(name: "malformedOutput")
        public static let duplicateID = Code(name: "duplicateID")
        public static let invalidID = Code(name: "invalidID")
        public static let unsupportedVersion = Code(name: "unsupportedVersion")
        public static let changedOnDisk = Code(name: "changedOnDisk")
        public static let io = Code(name: "io")
    }

    /// Where in the file the problem is: 1-based line and column, and that line's text.
    public struct Location: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var lineText: String
    }

    public var code: Code
    /// What went wrong, in one line.
    public var message: String
    /// What to do about it.
    public var hint: String?
    public var location: Location?
    /// The file it is about, as the user named it.
    public var path: String?

    public init(
        _ code: Code, _ message: String, hint: String? = nil, location: Location? = nil,
        path: String? = nil
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.path = path
    }

    /// `FILE:LINE:COLUMN: message`, the line with a caret, then the hint.
    public var diagnostic: Diagnostic {
        Diagnostic(
            message, hint: hint,
            at: path == nil && location == nil
                ? nil
                : SourceLocation(
                    file: path, line: location?.line, column: location?.column,
                    sourceLine: location?.lineText))
    }

    /// This error, said of the file at `path`.
    public func about(_ path: String) -> WorkbookError {
        var copy = self
        copy.path = path
        return copy
    }
}
