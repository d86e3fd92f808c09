import Kernel

/// What the executable hands the shell: the environment and the services cells use.
///
/// The shell itself has no network or HTTP code; `pilot` wires in its downloader, endpoint host
/// and progress display here, as it does for `pilot run`.
public struct ShellServices {
    public var environment: [String: String]
    /// What sessions reach the world through (a downloader, an endpoint host).
    public var services: [any Sendable]
    /// Progress and notes on the terminal, never stored.
    public var live: (any LiveDisplay)?
    /// `--trust`: run a workbook's risky cells this time without asking.
    public var trustGiven: Bool

    public init(
        environment: [String: String], services: [any Sendable] = [], live: (any LiveDisplay)? = nil,
        trustGiven: Bool = false
    ) {
        self.environment = environment
        self.trustGiven = trustGiven
        self.services = services
        self.live = live
    }
}
