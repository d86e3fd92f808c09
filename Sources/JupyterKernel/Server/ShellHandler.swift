import Completion
import Kernel

/// Answers the shell channel, one request at a time, on the shell thread: runs cells in the
/// kernel's one session, completes, inspects, and says whether code is complete.
///
/// A cell runs like a cell typed in `pilot open`: the user's own act, risky or not. Its output
/// is the workbook's (``NotebookOutput``); notes and progress show live meanwhile
/// (``NotebookLive``).
final class ShellHandler {
    private let configuration: KernelConfiguration
    private let session: Session
    private let completer: Completer
    private let shell: ChannelSocket
    private let iopub: ChannelSocket
    private let live: NotebookLive
    private let interruption: Interruption
    private let control: ControlHandler
    /// The count of the last cell run with `store_history`.
    private var executionCount = 0

    init(
        configuration: KernelConfiguration, shell: ChannelSocket, iopub: ChannelSocket,
        interruption: Interruption, control: ControlHandler
    ) {
        self.configuration = configuration
        self.shell = shell
        self.iopub = iopub
        self.interruption = interruption
        self.control = control
        live = NotebookLive(iopub: iopub)
        let session = Session(
            workingDirectory: configuration.workingDirectory, environment: configuration.environment,
            services: configuration.services)
        self.session = session
        completer = Completer(commands: configuration.kernel.commands) { session }
    }

    /// Serves requests until the kernel shuts down.
    func run() {
        while true {
            let request: WireMessage
            do {
                request = try shell.receive()
            } catch {
                return
            }
            iopub.publish(state: "busy", parent: request)
            let stopping = handle(request)
            iopub.publish(state: "idle", parent: request)
            if stopping { control.stop() }
        }
    }

    /// Handles one request; returns whether the kernel is to stop (a `shutdown_request`).
    private func handle(_ request: WireMessage) -> Bool {
        switch request.header.messageType {
        case "execute_request":
            guard let content = request.content(ExecuteRequest.self) else { return false }
            let failed = execute(content, request: request)
            if failed, content.stopOnError { return abortQueued() }
        case "complete_request":
            guard let content = request.content(CursorRequest.self) else { return false }
            shell.reply(to: request, "complete_reply", complete(content))
        case "inspect_request":
            guard let content = request.content(CursorRequest.self) else { return false }
            shell.reply(to: request, "inspect_reply", inspect(content))
        case "is_complete_request":
            guard let content = request.content(IsCompleteRequest.self) else { return false }
            shell.reply(to: request, "is_complete_reply", Self.isComplete(content.code))
        default:
            return control.handle(request, on: shell)
        }
        return false
    }

    /// Runs a cell; returns whether it failed or was interrupted.
    private func execute(_ content: ExecuteRequest, request: WireMessage) -> Bool {
        let counted = content.storeHistory && !content.silent
        if counted { executionCount += 1 }
        let count = executionCount
        if !content.silent {
            iopub.publish("execute_input", ExecuteInput(code: content.code, executionCount: count), parent: request)
        }
        interruption.clear()
        if !content.silent { live.begin(request) }
        let result = configuration.kernel.run(
            cell: content.code, in: session, interruption: interruption, live: content.silent ? nil : live)
        let messages = NotebookOutput.messages(for: result)
        if !content.silent {
            if live.finish() { iopub.publish("clear_output", ClearOutput(), parent: request) }
            for message in messages {
                switch message {
                case .display(let data): iopub.publish("display_data", data, parent: request)
                case .error(let error): iopub.publish("error", error, parent: request)
                }
            }
        }
        let error = messages.lazy.compactMap { message -> ErrorContent? in
            if case .error(let error) = message { return error }
            return nil
        }.first
        if let error, result.status != .ok {
            shell.reply(to: request, "execute_reply", ExecuteReply.error(count: count, error))
            return true
        }
        shell.reply(to: request, "execute_reply", ExecuteReply.ok(count: count))
        return false
    }

    /// After a failure with `stop_on_error`: the execute requests already waiting are answered
    /// `aborted` without running (those sent after the failure, once its reply is out, run);
    /// other requests are handled as usual. Returns whether one of them asked the kernel to stop.
    private func abortQueued() -> Bool {
        var waiting: [WireMessage] = []
        while shell.hasMessage(), let request = try? shell.receive() { waiting.append(request) }
        for request in waiting {
            iopub.publish(state: "busy", parent: request)
            defer { iopub.publish(state: "idle", parent: request) }
            if request.header.messageType == "execute_request" {
                shell.reply(to: request, "execute_reply", ExecuteReply.aborted(count: executionCount))
            } else if handle(request) {
                return true
            }
        }
        return false
    }

    /// The shell's completer on the line up to the cursor: commands, options, values, names,
    /// columns, paths.
    private func complete(_ request: CursorRequest) -> CompleteReply {
        let (line, cursor) = Self.line(of: request)
        let completion = completer.complete(line)
        let start = cursor - completion.word.unicodeScalars.count
        return CompleteReply(matches: completion.candidates, cursorStart: start, cursorEnd: cursor)
    }

    /// `help` for the command of the line under the cursor.
    private func inspect(_ request: CursorRequest) -> InspectReply {
        let (line, _) = Self.line(of: request, wholeLine: true)
        guard let name = Completer.words(line).first(where: { !$0.isEmpty }),
            configuration.kernel.commands[name] != nil
        else { return InspectReply(found: false, data: [:]) }
        let help = configuration.kernel.run(cell: "help \(name)", in: session)
        guard help.status == .ok else { return InspectReply(found: false, data: [:]) }
        return InspectReply(found: true, data: ["text/plain": help.transcript()])
    }

    /// `incomplete` when the last line ends with `\` (the cell goes on, as at pilot's prompt).
    static func isComplete(_ code: String) -> IsCompleteReply {
        let lastLine = code.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        if lastLine.hasSuffix("\\") { return IsCompleteReply(status: "incomplete", indent: "") }
        return IsCompleteReply(status: "complete")
    }

    /// The line the cursor is on, up to the cursor (or whole), and the cursor as a code point
    /// offset in the cell.
    static func line(of request: CursorRequest, wholeLine: Bool = false) -> (String, Int) {
        let scalars = Array(request.code.unicodeScalars)
        let cursor = min(max(0, request.cursorPosition), scalars.count)
        var start = cursor
        while start > 0, scalars[start - 1] != "\n" { start -= 1 }
        var end = cursor
        if wholeLine {
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
        }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[start..<end])
        return (String(line), cursor)
    }
}
