import Synchronization

/// The one line of live progress under everything else (on standard error), which permanent
/// text never runs into: every write through ``Terminal`` erases it first and, once the text
/// has ended its line, draws it again below.
///
/// The process's own streams share ``standard``, so every ``Terminal`` made for them (the
/// shell's, the executable's) keeps to the one line.
public final class StatusLine: Sendable {
    /// The status line of the process's standard streams.
    public static let standard = StatusLine()

    /// What the line shows, when it shows anything.
    private let shown = Mutex<String?>(nil)

    public init() {}

    /// Shows `line` (one line, already fitted to the width) in place of the current one.
    func show(_ line: String, on output: any TerminalOutput) {
        shown.withLock { shown in
            output.write("\r\u{1B}[2K" + line, to: .err)
            shown = line
        }
    }

    /// Erases the line, if it shows anything.
    func clear(on output: any TerminalOutput) {
        shown.withLock { shown in
            if shown != nil { output.write("\r\u{1B}[2K", to: .err) }
            shown = nil
        }
    }

    /// Writes permanent text: the status line is erased first, and drawn again after text that
    /// ends its line (after a partial line, such as a prompt, it stays away).
    func write(_ text: String, to stream: Terminal.Stream, on output: any TerminalOutput) {
        shown.withLock { shown in
            guard let line = shown else { return output.write(text, to: stream) }
            output.write("\r\u{1B}[2K", to: .err)
            output.write(text, to: stream)
            if text.hasSuffix("\n") { output.write(line, to: .err) } else { shown = nil }
        }
    }
}
