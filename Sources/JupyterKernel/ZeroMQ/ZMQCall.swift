import CZeroMQ

/// The one funnel every libzmq call goes through: makes the call, and when it reports failure
/// (`-1`, or a null handle) reads `zmq_errno()` at once, before anything else can change it.
enum ZMQCall {
    /// Calls `body`, a libzmq function returning `-1` on failure; calls cut short by a signal
    /// (`EINTR`) are made again.
    ///
    /// - Returns: what the call returned (a byte count, a flag).
    /// - Throws: ``ZMQError`` naming `function`.
    @discardableResult
    static func check(_ function: String, subject: String? = nil, _ body: () -> Int32) throws(ZMQError) -> Int32 {
        while true {
            let result = body()
            if result != -1 { return result }
            let error = ZMQError(function: function, code: pilot_zmq_errno(), subject: subject)
            if error.isInterruptedCall { continue }
            throw error
        }
    }

    /// Calls `body`, a libzmq function returning a handle or null on failure.
    static func handle(
        _ function: String, _ body: () -> UnsafeMutableRawPointer?
    ) throws(ZMQError)
        -> UnsafeMutableRawPointer
    {
        guard let handle = body() else { throw ZMQError(function: function, code: pilot_zmq_errno()) }
        return handle
    }
}
