#if canImport(Glibc)
import Glibc
#endif

/// Where a ``Terminal`` writes: the process's standard output and error (``StandardOutput``), or
/// memory in tests.
public protocol TerminalOutput: Sendable {
    /// Writes `text` to one of the two streams as it is, without adding a line ending.
    func write(_ text: String, to stream: Terminal.Stream)
    /// Whether the stream is a terminal a person reads (colour, progress lines, questions).
    func isTerminal(_ stream: Terminal.Stream) -> Bool
    /// The width of the window in columns.
    var width: Int { get }
}

/// Standard output and standard error, written with `write(2)`, unbuffered.
public struct StandardOutput: TerminalOutput {
    public init() {}

    public func write(_ text: String, to stream: Terminal.Stream) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(Self.descriptor(stream), $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(n)
        }
    }

    public func isTerminal(_ stream: Terminal.Stream) -> Bool {
        isatty(Self.descriptor(stream)) == 1
    }

    /// Read again after every window resize (SIGWINCH).
    public var width: Int { WindowSize.columns }

    private static func descriptor(_ stream: Terminal.Stream) -> Int32 {
        stream == .out ? STDOUT_FILENO : STDERR_FILENO
    }
}
