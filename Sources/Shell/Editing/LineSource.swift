import Completion
/// What reading one line of input gave.
enum LineRead: Equatable {
    /// A line, without its line ending.
    case line(String)
    /// Ctrl-C while typing: the line was thrown away.
    case interrupted
    /// End of input: Ctrl-D on an empty line, or the end of a pipe.
    case end
}

/// Where the shell's input lines come from: libedit at a terminal, plain lines from a pipe.
protocol LineSource: AnyObject {
    /// Reads one line, showing `prompt` first when a person is typing.
    ///
    /// - Parameter prefill: text to start the line with, for editing a line in place.
    func read(prompt: String, prefill: String) -> LineRead
    /// Adds an entry (a whole cell) to the history, when there is one.
    func remember(_ entry: String)
    /// Where completion candidates come from, when there is completion.
    var completer: Completer? { get set }
}

extension LineSource {
    func read(prompt: String) -> LineRead {
        read(prompt: prompt, prefill: "")
    }
}

/// Lines from standard input when it is not a terminal: no prompts, no editing, no history file.
final class PipeLines: LineSource {
    var completer: Completer?

    func read(prompt: String, prefill: String) -> LineRead {
        guard let line = readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    func remember(_ entry: String) {}
}
