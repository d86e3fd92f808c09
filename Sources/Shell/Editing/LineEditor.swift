import CEditLine
import Completion

#if canImport(Glibc)
import Glibc
#endif

/// Line editing at a terminal, over libedit: a prompt, emacs keys, history kept in a file,
/// Ctrl-R to search it, and tab completion.
///
/// Ctrl-C while typing throws the line away (``LineRead/interrupted``); Ctrl-D on an empty line
/// ends input. One `LineEditor` owns its `EditLine` and `History` handles and frees them in
/// `deinit`; it is used from the shell's thread only.
final class LineEditor: LineSource {
    /// Tells Ctrl-C at the prompt.
    fileprivate let interrupts: Interrupts
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    private let historyPath: String?
    /// The prompt libedit shows, as a C string it reads through ``promptCallback``.
    fileprivate var promptBuffer: UnsafeMutablePointer<CChar>
    var completer: Completer?
    private let terminal: Terminal

    /// Starts line editing on standard input and output.
    ///
    /// - Parameter historyPath: the history file to load and save after every entry; `nil`
    ///   keeps history for this session only.
    init(terminal: Terminal, interrupts: Interrupts, historyPath: String?) {
        self.terminal = terminal
        self.interrupts = interrupts
        self.historyPath = historyPath
        promptBuffer = strdup("")
        editLine = el_init(CommandLine.arguments.first ?? "pilot", pilot_stdin(), pilot_stdout(), pilot_stderr())
        history = history_init()
        pilot_history_setsize(history, &event, 1000)
        pilot_history_setunique(history, &event, 1)
        if let historyPath {
            HistoryFile.prepareFolder(for: historyPath)
            pilot_history_load(history, &event, historyPath)
        }
        pilot_el_set_editor(editLine, "emacs")
        pilot_el_set_history(editLine, history)
        pilot_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        pilot_el_set_prompt(editLine, promptCallback)
        pilot_el_set_getcfn(editLine, readCharacter)
        pilot_el_addfn(editLine, "pilot-complete", "complete a command, option, name or path", completeCallback)
        pilot_el_bind(editLine, "^I", "pilot-complete")
        pilot_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    func read(prompt: String, prefill: String) -> LineRead {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        if !prefill.isEmpty { el_push(editLine, prefill) }
        _ = interrupts.takePromptInterrupt()
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        if interrupts.takePromptInterrupt() {
            terminal.write("^C\n")
            return .interrupted
        }
        guard let raw, count > 0 else {
            if count == 0 { terminal.write("\n") }
            return .end
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    /// The terminal is in its normal, line-by-line mode outside `el_gets`.
    func readAnswer() -> String? {
        readLine(strippingNewline: true)
    }

    func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        pilot_history_enter(history, &event, entry)
        if let historyPath { pilot_history_save(history, &event, historyPath) }
    }

    /// Completes the word before the cursor: inserts what all candidates share, and lists them
    /// when that is all there is to insert.
    fileprivate func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee, let buffer = info.buffer,
            let cursor = info.cursor
        else { return pilot_cc_error() }
        let typedBytes = UnsafeRawBufferPointer(start: buffer, count: buffer.distance(to: cursor))
        let typed = String(decoding: typedBytes, as: UTF8.self)
        let completion = completer.complete(typed)
        guard !completion.candidates.isEmpty else { return pilot_cc_error() }
        let shared = completion.sharedPrefix
        var insert = String(shared.dropFirst(completion.word.count))
        if completion.candidates.count == 1, !shared.hasSuffix("="), !shared.hasSuffix("/") { insert += " " }
        if !insert.isEmpty {
            el_insertstr(editLine, insert)
            return pilot_cc_refresh()
        }
        terminal.write("\n" + Completer.columns(completion.candidates, width: terminal.width))
        return pilot_cc_redisplay()
    }
}

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
    guard let editLine, let data = pilot_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
}

/// Reads one UTF-8 character from standard input for libedit, waiting on standard input and on
/// the ``Interrupts``' wake-up pipe together. After Ctrl-C (whichever thread the signal reached)
/// it hands libedit a line feed, so `el_gets` returns at once and
/// ``LineEditor/read(prompt:prefill:)`` throws the line away.
private let readCharacter: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { editLine, out in
    guard let editLine, let data = pilot_el_get_clientdata(editLine) else { return -1 }
    let interrupts = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().interrupts
    func byte() -> Int? {
        var value: UInt8 = 0
        while true {
            if interrupts.promptInterruptPending { return -1 }
            var waits = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: interrupts.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&waits, 2, -1) < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if waits[1].revents != 0 {
                interrupts.drainWakeups()
                continue  // the check at the top says whether it was Ctrl-C
            }
            guard waits[0].revents != 0 else { continue }
            let n = read(STDIN_FILENO, &value, 1)
            if n == 1 { return Int(value) }
            if n == 0 { return nil }
            if errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }
    guard let out else { return -1 }
    guard let first = byte() else { return 0 }
    if first == -1 {
        out.pointee = 10
        return 1
    }
    let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    var scalar = length == 1 ? first : first & (0x7F >> length)
    for _ in 1..<length {
        guard let next = byte(), next >= 0 else { return 0 }
        scalar = scalar << 6 | (next & 0x3F)
    }
    out.pointee = wchar_t(Unicode.Scalar(UInt32(scalar)) == nil ? 0xFFFD : scalar)
    return 1
}

private let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editLine, let data = pilot_el_get_clientdata(editLine) else { return pilot_cc_error() }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
}
