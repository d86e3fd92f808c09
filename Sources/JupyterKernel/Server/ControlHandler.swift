import Kernel

/// Answers what may come on either channel and never waits behind a running cell:
/// `kernel_info`, `interrupt`, `shutdown`, and `comm_info` and `history` (answered empty).
///
/// It runs on the control thread while the shell thread runs a cell: an `interrupt_request`
/// raises the cell's interruption (as Ctrl-C does in pilot's shell: `autopilot` stops after
/// the current candidate and keeps the best one), and a `shutdown_request` stops the sockets.
final class ControlHandler: Sendable {
    private let version: String
    private let iopub: ChannelSocket
    private let interruption: Interruption
    private let context: ZMQContext
    private let log: @Sendable (String) -> Void

    init(
        version: String, iopub: ChannelSocket, interruption: Interruption, context: ZMQContext,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.version = version
        self.iopub = iopub
        self.interruption = interruption
        self.context = context
        self.log = log
    }

    /// Serves the control channel until the kernel shuts down.
    func run(on control: ChannelSocket) {
        while let request = try? control.receive() {
            iopub.publish(state: "busy", parent: request)
            let stopping = handle(request, on: control)
            iopub.publish(state: "idle", parent: request)
            if stopping { stop() }
        }
        control.close()
    }

    /// Answers `request` on `socket`; returns whether the kernel is to stop now.
    func handle(_ request: WireMessage, on socket: ChannelSocket) -> Bool {
        switch request.header.messageType {
        case "kernel_info_request":
            socket.reply(to: request, "kernel_info_reply", KernelInfoReply(version: version))
        case "interrupt_request":
            interruption.raise()
            socket.reply(to: request, "interrupt_reply", StatusReply())
        case "shutdown_request":
            let restart = request.content(ShutdownRequest.self)?.restart ?? false
            socket.reply(to: request, "shutdown_reply", ShutdownReply(restart: restart))
            return true
        case "comm_info_request":
            socket.reply(to: request, "comm_info_reply", CommInfoReply())
        case "history_request":
            socket.reply(to: request, "history_reply", HistoryReply())
        default:
            log("ignored a \(request.header.messageType) on \(socket.channel.rawValue): pilot does not handle it")
        }
        return false
    }

    /// Stops the running cell and every socket: each channel's thread closes its socket and ends.
    func stop() {
        interruption.raise()
        context.shutdown()
    }
}
