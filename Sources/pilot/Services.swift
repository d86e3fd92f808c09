import Downloads
import Endpoint
import Serving

/// The outside services every session of the executable gets.
enum Services {
    /// Downloads over HTTP(S), model endpoints over HTTP, S3 objects and SageMaker, configured from
    /// `environment` (the session's) when a cell first uses them. `PILOT_FIRST_PORT` moves where
    /// endpoints deployed without a port start looking for a free one (8080).
    static func standard(environment: [String: String]) -> [any Sendable] {
        let firstPort = environment["PILOT_FIRST_PORT"].flatMap { Int($0) }.flatMap {
            (1...65435).contains($0) ? $0 : nil
        }
        return [
            HTTPDownloader(), HTTPEndpointHost(firstPort: firstPort ?? defaultPort),
            S3ObjectStorage(environment: environment), SageMakerAutopilot(environment: environment),
        ]
    }
}
