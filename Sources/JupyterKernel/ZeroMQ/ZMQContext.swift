import CZeroMQ

/// A libzmq context: the I/O threads every socket of the kernel shares.
///
/// libzmq's contexts are thread-safe, so one is shared by the kernel's threads: ``shutdown()``
/// from one thread makes the blocking calls of every other thread's sockets return, and
/// ``terminate()`` waits until every socket is closed and what they still had to send is sent
/// (or their linger time is over).
public final class ZMQContext: Sendable {
    /// The `void *` handle, as a number: libzmq contexts are thread-safe (zmq_ctx_new(3)).
    private let address: Int

    /// A new context (`zmq_ctx_new`).
    public init() throws(ZMQError) {
        let handle = try ZMQCall.handle("zmq_ctx_new") { zmq_ctx_new() }
        address = Int(bitPattern: handle)
    }

    var handle: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: address)! }

    /// Makes every blocking call on this context's sockets fail with `ETERM` (`zmq_ctx_shutdown`):
    /// each thread then closes its socket and ends.
    public func shutdown() {
        _ = try? ZMQCall.check("zmq_ctx_shutdown") { zmq_ctx_shutdown(handle) }
    }

    /// Waits until every socket is closed and has sent what it had (`zmq_ctx_term`), then frees
    /// the context. Call it once, last.
    public func terminate() {
        _ = try? ZMQCall.check("zmq_ctx_term") { zmq_ctx_term(handle) }
    }
}
