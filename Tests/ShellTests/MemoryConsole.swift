import Completion
import Diagnostics
import Foundation
import Kernel
@testable import Shell
import Synchronization

/// A terminal that keeps what it is given: standard output, standard error, and both in order.
final class MemoryOutput: TerminalOutput {
    private struct Text {
        var out = ""
        var err = ""
        var both = ""
    }

    private let text = Mutex(Text())
    private let isTerminal: Bool
    /// Called with each piece written to standard output (a test presses Ctrl-C on a cue).
    private let onWrite: (@Sendable (String) -> Void)?

    init(isTerminal: Bool = false, onWrite: (@Sendable (String) -> Void)? = nil) {
        self.isTerminal = isTerminal
        self.onWrite = onWrite
    }

    func write(_ piece: String, to stream: Terminal.Stream) {
        text.withLock { text in
            if stream == .out { text.out += piece } else { text.err += piece }
            text.both += piece
        }
        if stream == .out { onWrite?(piece) }
    }

    func isTerminal(_ stream: Terminal.Stream) -> Bool { isTerminal }

    var width: Int { 80 }

    var out: String { text.withLock { $0.out } }
    var err: String { text.withLock { $0.err } }
    /// Both streams in the order they were written.
    var both: String { text.withLock { $0.both } }
}

/// Lines a test types: a line, or Ctrl-C at the prompt. Answers to questions come from the same list.
final class TypedLines: LineSource {
    enum Key {
        case line(String)
        case ctrlC
    }

    private var keys: [Key]
    /// The prompts shown, in order.
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    var completer: Completer?

    init(_ keys: [Key]) {
        self.keys = keys
    }

    func read(prompt: String, prefill: String) -> LineRead {
        prompts.append(prompt)
        guard !keys.isEmpty else { return .end }
        switch keys.removeFirst() {
        case .line(let text): return .line(text)
        case .ctrlC: return .interrupted
        }
    }

    func readAnswer() -> String? {
        guard case .line(let text) = read(prompt: "", prefill: "") else { return nil }
        return text
    }

    func remember(_ entry: String) {
        history.append(entry)
    }
}

extension TypedLines.Key: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .line(value)
    }
}

/// A console over memory: what the shell writes, the lines a test types, Ctrl-C the test presses.
struct MemoryConsole {
    let output: MemoryOutput
    let lines: TypedLines
    let console: Console
    /// How many times a second Ctrl-C would have ended the process.
    let quits = Counter()

    init(_ keys: [TypedLines.Key], interactive: Bool = false, output: MemoryOutput = MemoryOutput()) {
        self.output = output
        lines = TypedLines(keys)
        let terminal = Terminal(output: output, isInteractive: interactive, environment: ["NO_COLOR": "1"])
        console = Console(terminal: terminal, input: lines,
                          interrupts: Interrupts(terminal: terminal) { [quits] in quits.add() })
    }

    var interrupts: Interrupts { console.interrupts }
}

/// Counts calls from any thread.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

/// A downloader that presses Ctrl-C as the download starts, then stops as a real one does when
/// the cell is interrupted: a cell interrupted while it runs, at a known moment.
struct CtrlCDuringDownload: Downloader {
    let interrupts: Interrupts

    func download(_ url: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
                  isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> Int64 {
        interrupts.press()
        guard isCancelled() else { throw Diagnostic("the test's Ctrl-C did not reach the download") }
        throw Diagnostic.interrupted(hint: "download it again")
    }
}
