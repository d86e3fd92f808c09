#if canImport(Glibc)
import Glibc
#endif

/// The terminal: where the executable prints, and whether it may use colour.
///
/// Colour only when the stream is a terminal and `NO_COLOR` is unset (https://no-color.org).
struct Console {
    enum Stream { case out, err }

    static let standard = Console()

    let colorOut: Bool
    let colorErr: Bool

    init() {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
        colorOut = !noColor && !dumb && isatty(STDOUT_FILENO) == 1
        colorErr = !noColor && !dumb && isatty(STDERR_FILENO) == 1
    }

    func write(_ text: String, to stream: Stream = .out) {
        let fd = stream == .out ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(n)
        }
    }

    func line(_ text: String, to stream: Stream = .out) {
        write(text + "\n", to: stream)
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33"
    }

    func styled(_ text: String, _ style: Style, on stream: Stream = .out) -> String {
        (stream == .out ? colorOut : colorErr) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Prints an error (already rendered as `error:` / `hint:` lines) to standard error.
    func error(_ rendered: String) {
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("error:") { return styled("error:", .red, on: .err) + line.dropFirst(6) }
            if line.hasPrefix("hint:") { return styled("hint:", .yellow, on: .err) + line.dropFirst(5) }
            return String(line)
        }
        line(lines.joined(separator: "\n"), to: .err)
    }
}
