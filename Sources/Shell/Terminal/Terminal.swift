import Diagnostics
#if canImport(Glibc)
import Glibc
#endif
import TextLayout

/// The terminal the shell and the executable talk to: writing text, colour, the window width,
/// and plain questions.
///
/// Colour only when the stream is a terminal and `NO_COLOR` is unset (https://no-color.org).
public struct Terminal: Sendable {
    /// Whether standard input is a terminal (a person typing) rather than a pipe or a file.
    public let isInteractive: Bool
    /// Whether standard output takes colour and bold.
    public let colorOut: Bool
    /// Whether standard error takes colour.
    public let colorErr: Bool

    public init(environment: [String: String]) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        isInteractive = isatty(STDIN_FILENO) == 1
        colorOut = !noColor && !dumb && isatty(STDOUT_FILENO) == 1
        colorErr = !noColor && !dumb && isatty(STDERR_FILENO) == 1
    }

    public enum Stream: Sendable { case out, err }

    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    public func write(_ text: String, to stream: Stream = .out) {
        let fd = stream == .out ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(n)
        }
    }

    public func line(_ text: String = "", to stream: Stream = .out) {
        write(text + "\n", to: stream)
    }

    public func styled(_ text: String, _ style: Style, on stream: Stream = .out) -> String {
        (stream == .out ? colorOut : colorErr) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Prints a cell's text output.
    public func output(_ text: String) {
        guard !text.isEmpty else { return }
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints a diagnostic, its `error:` and `hint:` labels coloured: a cell's on standard
    /// output, with its other output; the shell's own on standard error.
    public func show(_ diagnostic: Diagnostic, on stream: Stream = .out) {
        let lines = diagnostic.lines.map { line in
            switch line.role {
            case .error: styled(line.label, .red, on: stream) + line.body
            case .hint: styled(line.label, .yellow, on: stream) + line.body
            case .source: line.text
            }
        }
        self.line(lines.joined(separator: "\n"), to: stream)
    }

    /// Prints a message of the shell itself on standard error.
    public func error(_ error: any Error) {
        show(Diagnostic(error), on: .err)
    }

    /// Asks a question on the terminal and reads one answer line (the terminal is in its normal,
    /// line-by-line mode while a cell runs); `nil` at end of input.
    public func ask(_ question: String) -> String? {
        write(question)
        return readLine(strippingNewline: true)
    }

    /// The terminal's width in columns, read again after every window resize (SIGWINCH).
    public var width: Int { WindowSize.columns }
}
