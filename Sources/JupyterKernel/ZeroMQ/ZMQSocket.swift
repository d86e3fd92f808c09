import CZeroMQ

/// One libzmq socket, owned by one thread at a time (libzmq sockets are not thread-safe): the
/// kernel keeps each in a `Mutex` and only the thread of its channel takes it, but for iopub,
/// which every thread publishes on.
///
/// ```swift
/// let socket = try ZMQSocket(context, .router)
/// try socket.bind("tcp://127.0.0.1:5555")
/// let frames = try socket.receive()
/// ```
public final class ZMQSocket {
    /// The kinds of socket the kernel uses.
    public enum Kind: Sendable {
        /// Shell, control and stdin: replies go back to the peer a request came from.
        case router
        /// IOPub: broadcasts to every subscriber.
        case publisher
        /// Heartbeat: answers each ping with itself.
        case reply

        var value: Int32 {
            switch self {
            case .router: ZMQ_ROUTER
            case .publisher: ZMQ_PUB
            case .reply: ZMQ_REP
            }
        }
    }

    private var handle: UnsafeMutableRawPointer?
    /// Where the socket listens, once bound.
    public private(set) var endpoint: String?

    /// A new socket of `kind` on `context` (`zmq_socket`); it waits at most one second to send
    /// what it still holds when closed (`ZMQ_LINGER`).
    public init(_ context: ZMQContext, _ kind: Kind) throws(ZMQError) {
        let handle = try ZMQCall.handle("zmq_socket") { zmq_socket(context.handle, kind.value) }
        self.handle = handle
        var linger: Int32 = 1000
        try ZMQCall.check("zmq_setsockopt") {
            zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        }
    }

    deinit {
        close()
    }

    /// Listens on `endpoint` (`tcp://127.0.0.1:5555`, `ipc:///tmp/kernel-1`) (`zmq_bind`).
    public func bind(_ endpoint: String) throws(ZMQError) {
        let handle = try open()
        try ZMQCall.check("zmq_bind", subject: endpoint) { zmq_bind(handle, endpoint) }
        self.endpoint = endpoint
    }

    /// Waits for the next multipart message and returns its frames (`zmq_msg_recv`).
    ///
    /// - Throws: ``ZMQError``; its code is `ETERM` once the context is shut down.
    public func receive() throws(ZMQError) -> [[UInt8]] {
        let handle = try open()
        var frames: [[UInt8]] = []
        var more = true
        while more {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            try ZMQCall.check("zmq_msg_recv") { zmq_msg_recv(&message, handle, 0) }
            let size = zmq_msg_size(&message)
            let bytes = zmq_msg_data(&message).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
            frames.append(bytes ?? [])
            more = zmq_msg_more(&message) != 0
        }
        return frames
    }

    /// Sends `frames` as one multipart message (`zmq_send` with `ZMQ_SNDMORE` on all but the last).
    public func send(_ frames: [[UInt8]]) throws(ZMQError) {
        let handle = try open()
        for (index, frame) in frames.enumerated() {
            let flags = index == frames.count - 1 ? 0 : ZMQ_SNDMORE
            try ZMQCall.check("zmq_send") {
                frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            }
        }
    }

    /// Whether a message is waiting, after waiting at most `milliseconds` (0: just look) (`zmq_poll`).
    public func hasMessage(waiting milliseconds: Int = 0) throws(ZMQError) -> Bool {
        let handle = try open()
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = try ZMQCall.check("zmq_poll") { zmq_poll(&item, 1, milliseconds) }
        return ready > 0
    }

    /// Closes the socket (`zmq_close`); later calls fail with `ENOTSOCK`. Closing twice does nothing.
    public func close() {
        guard let handle else { return }
        zmq_close(handle)
        self.handle = nil
    }

    private func open() throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(function: "zmq_socket", code: pilot_zmq_error_not_socket()) }
        return handle
    }
}
