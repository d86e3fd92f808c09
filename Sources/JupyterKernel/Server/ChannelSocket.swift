import Synchronization

/// One of the kernel's sockets with the key it signs with and the kernel's session id: reads
/// signed messages, sends replies and broadcasts.
///
/// Messages whose signature does not match are dropped and logged, never acted on. The socket
/// sits in a `Mutex`: the shell and control sockets are only taken by their own thread, iopub by
/// every thread that publishes (the shell thread, the control thread, autopilot's trials through
/// the live display).
final class ChannelSocket: Sendable {
    let channel: Channel
    let signer: MessageSigner
    /// The kernel's session id, in the header of every message it sends.
    let session: String
    private let socket: Mutex<ZMQSocket>
    private let log: @Sendable (String) -> Void

    init(
        _ channel: Channel, socket: sending ZMQSocket, signer: MessageSigner, session: String,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.channel = channel
        self.socket = Mutex(socket)
        self.signer = signer
        self.session = session
        self.log = log
    }

    /// The next message with a valid signature; others are dropped and logged.
    ///
    /// - Throws: ``ZMQError`` with `ETERM` once the kernel is shutting down.
    func receive() throws(ZMQError) -> WireMessage {
        while true {
            let frames = try socket.withLock { socket in
                Result { () throws(ZMQError) in try socket.receive() }
            }.get()
            do {
                return try WireMessage(frames: frames, signer: signer)
            } catch .badSignature {
                log("dropped a message on \(channel.rawValue) whose signature does not match the connection file's key")
            } catch {
                log("dropped a malformed message on \(channel.rawValue) (\(error))")
            }
        }
    }

    /// The frames of the next message, unread: the heartbeat's pings.
    func receiveFrames() throws(ZMQError) -> [[UInt8]] {
        try socket.withLock { socket in Result { () throws(ZMQError) in try socket.receive() } }.get()
    }

    /// Sends frames as they are: the heartbeat's echo.
    func sendFrames(_ frames: [[UInt8]]) throws(ZMQError) {
        try socket.withLock { socket in Result { () throws(ZMQError) in try socket.send(frames) } }.get()
    }

    /// Whether a message is already waiting.
    func hasMessage() -> Bool {
        (try? socket.withLock { socket in Result { () throws(ZMQError) in try socket.hasMessage() } }.get()) ?? false
    }

    /// Replies to `request`, to the client it came from.
    func reply(to request: WireMessage, _ type: String, _ content: some Encodable & Sendable) {
        send(
            WireMessage(
                type: type, session: session, content: content, parent: request, identities: request.identities))
    }

    /// Broadcasts a message of `type` (iopub), caused by `parent`.
    func publish(_ type: String, _ content: some Encodable & Sendable, parent: WireMessage?) {
        send(WireMessage(type: type, session: session, content: content, parent: parent))
    }

    /// `status: busy` or `idle` around the handling of `request`.
    func publish(state: String, parent: WireMessage?) {
        publish("status", KernelStatus(executionState: state), parent: parent)
    }

    private func send(_ message: WireMessage) {
        let frames = message.frames(signer: signer)
        do {
            try socket.withLock { socket in Result { () throws(ZMQError) in try socket.send(frames) } }.get()
        } catch  where error.isTerminated {
            // Shutting down: the clients are gone or going.
        } catch {
            log("could not send \(message.header.messageType) on \(channel.rawValue): \(error.reason)")
        }
    }

    /// Closes the socket; what it still has to send goes out within its linger time.
    func close() {
        socket.withLock { $0.close() }
    }
}
