import AWS
import Foundation
import Synchronization

/// Our AWS client as the adaptors hold it: the configuration (credentials, region, endpoints) is
/// read from the session's environment the first time a cell needs it, so a session without
/// credentials only fails in the cell that goes to AWS, saying where it looked.
final class LazyAWSClient: Sendable {
    private let environment: AWSEnvironment
    private let retry: RetryPolicy
    private let configuration = Mutex<AWSConfiguration?>(nil)

    /// - Parameters:
    ///   - environment: the session's environment variables (`AWS_*`, `HOME`).
    ///   - home: the folder holding `.aws/`; `HOME` from `environment` when nil.
    init(environment: [String: String], home: String?, retry: RetryPolicy) {
        self.environment = AWSEnvironment(variables: environment, home: home)
        self.retry = retry
    }

    /// A client for `region`, or for the configured one when it is nil or empty.
    func client(region: String? = nil) -> AWSClient {
        var configuration = self.configuration.withLock { configuration in
            if let configuration { return configuration }
            let made = AWSConfiguration(environment: environment)
            configuration = made
            return made
        }
        if let region, !region.isEmpty { configuration.region = region }
        return AWSClient(configuration: configuration, retry: retry)
    }
}
