import Diagnostics

#if canImport(Glibc)
import Glibc
#endif

/// The terminal the shell and the executable talk to: writing text, colour, diagnostics and the
/// window width, over a ``TerminalOutput``.
///
/// Colour only when the stream is a terminal and `NO_COLOR` is unset (https://no-color.org).
///
/// ```swift
/// let terminal = Terminal(environment: ProcessInfo.processInfo.environment)
/// terminal.show(Diagnostic("no frame named 'slaes'", hint: "did you mean 'sales'?"), on: .err)
/// ```
public struct Terminal: Sendable {
    /// Whether standard input is a terminal (a person typing) rather than a pipe or a file.
    public let isInteractive: Bool
    /// Whether standard output takes colour and bold.
    public let colorOut: Bool
    /// Whether standard error takes colour.
    public let colorErr: Bool
    /// Where the text goes.
    public let output: any TerminalOutput
    /// The live progress line, which writes never run into.
    public let status: StatusLine

    /// The process's standard streams.
    public init(environment: [String: String]) {
        self.init(
            output: StandardOutput(), isInteractive: isatty(STDIN_FILENO) == 1, environment: environment,
            status: .standard)
    }

    /// A terminal writing to `output`; colour where `output` is a terminal, unless `NO_COLOR`
    /// (or `TERM=dumb`) says otherwise.
    public init(
        output: any TerminalOutput, isInteractive: Bool, environment: [String: String] = [:],
        status: StatusLine = StatusLine()
    ) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        self.output = output
        self.status = status
        self.isInteractive = isInteractive
        colorOut = !noColor && output.isTerminal(.out)
        colorErr = !noColor && output.isTerminal(.err)
    }

    public enum Stream: Sendable { case out, err }

    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    /// Writes `text` as it is; the status line, when one shows, is erased first and drawn again
    /// below.
    public func write(_ text: String, to stream: Stream = .out) {
        status.write(text, to: stream, on: output)
    }

    /// Shows `line` (fitted to the width) as the live status line on standard error.
    public func showStatus(_ line: String) {
        status.show(line, on: output)
    }

    /// Erases the status line.
    public func clearStatus() {
        status.clear(on: output)
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
    ///
    /// - Parameter indent: put before every line (`pilot run` indents a failed cell's output).
    public func show(_ diagnostic: Diagnostic, on stream: Stream = .out, indent: String = "") {
        let lines = diagnostic.lines.map { line in
            indent
                + {
                    switch line.role {
                    case .error: styled(line.label, .red, on: stream) + line.body
                    case .hint: styled(line.label, .yellow, on: stream) + line.body
                    case .source: line.text
                    }
                }()
        }
        self.line(lines.joined(separator: "\n"), to: stream)
    }

    /// Prints a `hint:` line on its own (what to do next, after something that is not an error).
    public func hint(_ text: String, on stream: Stream = .out) {
        let line = Diagnostic.RenderedLine.hint(text)
        self.line(styled(line.label, .yellow, on: stream) + line.body, to: stream)
    }

    /// Prints a message of the shell itself on standard error.
    public func error(_ error: any Error) {
        show(Diagnostic(error), on: .err)
    }

    /// Whether a question can be put to a person: input comes from a terminal and standard
    /// error, where questions go, is one too.
    public var canAsk: Bool { isInteractive && output.isTerminal(.err) }

    /// The terminal's width in columns.
    public var width: Int { output.width }
}
