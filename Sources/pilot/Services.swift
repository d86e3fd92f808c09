import Downloads
import Endpoint

/// The outside services every session of the executable gets.
enum Services {
    /// Downloads over HTTP(S), model endpoints over HTTP, and S3 objects, configured from
    /// `environment` (the session's) when a cell first uses them.
    static func standard(environment: [String: String]) -> [any Sendable] {
        [HTTPDownloader(), HTTPEndpointHost(), S3ObjectStorage(environment: environment)]
    }
}
