/// An error that knows how the user should read it. Modules keep their own error types (with
/// codes callers can switch on) and adopt this protocol; the kernel, the runner, the shell, the
/// exporters and the endpoint render any such error through ``Diagnostic``.
public protocol DiagnosticConvertible: Error {
    var diagnostic: Diagnostic { get }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostic: Diagnostic { self }
}

extension Diagnostic {
    /// Any error as a diagnostic: its own when it has one, else its description.
    public init(_ error: any Error) {
        if let convertible = error as? any DiagnosticConvertible {
            self = convertible.diagnostic
        } else {
            self.init(String(describing: error))
        }
    }
}

extension DiagnosticConvertible {
    /// The error as the user reads it, rendered by ``Diagnostic/rendered``.
    public var rendered: String { diagnostic.rendered }
}
