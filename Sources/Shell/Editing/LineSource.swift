import Completion

/// What reading one line of input gave.
public enum LineRead: Equatable, Sendable {
    /// A line, without its line ending.
    case line(String)
    /// Ctrl-C while typing: the line was thrown away.
    case interrupted
    /// End of input: Ctrl-D on an empty line, or the end of a pipe.
    case end
}

/// Where a shell's input lines come from: libedit at a terminal (``LineEditor``), plain lines
/// from a pipe (``PipeLines``), or lines a test hands in.
public protocol LineSource: AnyObject {
    /// Reads one line, showing `prompt` first when a person is typing.
    ///
    /// - Parameter prefill: text to start the line with, for editing a line in place.
    func read(prompt: String, prefill: String) -> LineRead
    /// Reads the answer to a question just asked (while a cell runs, say), as the terminal's
    /// own line discipline hands it over; `nil` at the end of input.
    func readAnswer() -> String?
    /// Adds an entry (a whole cell) to the history, when there is one.
    func remember(_ entry: String)
    /// Where completion candidates come from, when there is completion.
    var completer: Completer? { get set }
}

extension LineSource {
    public func read(prompt: String) -> LineRead {
        read(prompt: prompt, prefill: "")
    }
}

/// Lines from standard input when it is not a terminal: no prompts, no editing, no history file.
public final class PipeLines: LineSource {
    public var completer: Completer?

    public init() {}

    public func read(prompt: String, prefill: String) -> LineRead {
        guard let line = readAnswer() else { return .end }
        return .line(line)
    }

    public func readAnswer() -> String? {
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    public func remember(_ entry: String) {}
}
