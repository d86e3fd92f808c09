import Diagnostics

/// Why the Jupyter kernel cannot start or go on, as the user reads it.
public enum KernelError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// The connection file Jupyter gave could not be used.
    case connectionFile(path: String, reason: String)
    /// A socket could not be made or bound.
    case zeroMQ(ZMQError)
    /// The kernelspec could not be written or removed.
    case kernelSpec(path: String, reason: String)
    /// `pilot kernel uninstall` found nothing to remove.
    case notInstalled(searched: [String])

    public var diagnostic: Diagnostic {
        switch self {
        case .connectionFile(let path, let reason):
            Diagnostic(
                "cannot use the connection file \(path): \(reason)",
                hint: "Jupyter starts the kernel with its own connection file; "
                    + "install the kernel with 'pilot kernel install' and pick 'pilot' in Jupyter")
        case .zeroMQ(let error):
            error.diagnostic
        case .kernelSpec(let path, let reason):
            Diagnostic(
                "cannot write the kernelspec in \(path): \(reason)",
                hint: "check that the folder is writable, or choose another with --user or --prefix DIR")
        case .notInstalled(let searched):
            Diagnostic(
                "no pilot kernelspec to remove in " + searched.joined(separator: ", "),
                hint: "give the same --user, --sys-prefix or --prefix DIR as when installing; "
                    + "'jupyter kernelspec list' shows where it is")
        }
    }
}
