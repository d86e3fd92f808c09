import Kernel

/// What the executable hands the Jupyter kernel: the cell language, where cells run, the
/// services sessions reach the world through, and what to say about itself.
public struct KernelConfiguration {
    /// pilot's version, in `kernel_info_reply`.
    public var version: String
    /// The commands cells are made of.
    public var kernel: Kernel
    /// The notebook's folder (Jupyter starts kernels there): relative paths and `.pilot/`.
    public var workingDirectory: String
    /// The session's environment (`PILOT_MIRROR`).
    public var environment: [String: String]
    /// Downloads, endpoints, object storage, as for `pilot run`.
    public var services: [any Sendable]

    public init(
        version: String, kernel: Kernel, workingDirectory: String, environment: [String: String],
        services: [any Sendable]
    ) {
        self.version = version
        self.kernel = kernel
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.services = services
    }
}
