import Kernel

/// What the executable hands the shell: the environment and the services cells use.
///
/// The shell itself has no network or HTTP code; `pilot` wires in its downloader, endpoint host
/// and progress display here, as it does for `pilot run`.
public struct ShellServices {
    public var environment: [String: String]
    public var downloader: (any Downloader)?
    public var endpointHost: (any EndpointHost)?
    /// Progress and notes on the terminal, never stored.
    public var live: (any LiveDisplay)?
    /// `--trust`: run a workbook's risky cells this time without asking.
    public var trustGiven: Bool

    public init(environment: [String: String], downloader: (any Downloader)? = nil,
                endpointHost: (any EndpointHost)? = nil, live: (any LiveDisplay)? = nil, trustGiven: Bool = false) {
        self.environment = environment
        self.trustGiven = trustGiven
        self.downloader = downloader
        self.endpointHost = endpointHost
        self.live = live
    }
}
