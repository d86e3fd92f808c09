import CZeroMQ
import Diagnostics

/// A libzmq call that failed: which call, and the `errno` it left, read at once.
///
/// ```swift
/// do { try socket.bind("tcp://127.0.0.1:5555") } catch { print(error.diagnostic.rendered) }
/// ```
public struct ZMQError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// The C function that failed, e.g. `zmq_bind`.
    public var function: String
    /// The `errno` value libzmq set.
    public var code: Int32
    /// What the call was about (`tcp://127.0.0.1:5555`), when there is something to say.
    public var subject: String?

    public init(function: String, code: Int32, subject: String? = nil) {
        self.function = function
        self.code = code
        self.subject = subject
    }

    /// libzmq's own words for ``code`` (`Address already in use`).
    public var reason: String {
        String(cString: zmq_strerror(code))
    }

    /// Whether the call was cut short by a signal and should simply be made again.
    var isInterruptedCall: Bool { code == pilot_zmq_error_interrupted() }

    /// Whether the context was shut down under the call: the kernel is stopping.
    var isTerminated: Bool { code == pilot_zmq_error_terminated() }

    public var diagnostic: Diagnostic {
        let about = subject.map { " \($0)" } ?? ""
        switch function {
        case "zmq_bind":
            return Diagnostic(
                "cannot listen on\(about): \(reason)",
                hint: "another kernel may hold the port; start the kernel again from Jupyter, "
                    + "which writes a connection file with free ports")
        default:
            return Diagnostic(
                "ZeroMQ's \(function) failed\(about): \(reason)",
                hint: "restart the kernel; if it happens again, check that libzmq5 is installed and working")
        }
    }
}
