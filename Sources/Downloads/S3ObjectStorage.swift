import AWS
import Cloud
import Diagnostics
import Foundation
import Kernel
import Synchronization

/// The kernel's ``ObjectStorage`` over S3 (or a server that speaks its API), through our AWS
/// client. The configuration (credentials, region, endpoint) is read at first use, so a session
/// without credentials only fails in the cell that uses S3, saying where it looked.
public final class S3ObjectStorage: ObjectStorage, RegionalObjectStorage {
    private let environment: AWSEnvironment
    private let retry: RetryPolicy
    private let client = Mutex<AWSClient?>(nil)

    /// - Parameters:
    ///   - environment: the session's environment variables (`AWS_*`, `HOME`).
    ///   - home: the folder holding `.aws/`; `HOME` from `environment` when nil.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String? = nil,
        retry: RetryPolicy = .standard
    ) {
        self.environment = AWSEnvironment(variables: environment, home: home)
        self.retry = retry
    }

    /// The client, configured from the environment the first time it is needed.
    private var aws: AWSClient {
        client.withLock { client in
            if let client { return client }
            let made = AWSClient(configuration: AWSConfiguration(environment: environment), retry: retry)
            client = made
            return made
        }
    }

    /// The client, for `region` when given.
    private func client(_ region: String?) -> AWSClient {
        guard let region else { return aws }
        var configuration = aws.configuration
        configuration.region = region
        return AWSClient(configuration: configuration, retry: retry)
    }

    public func upload(
        _ path: String, bucket: String, key: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        try upload(path, bucket: bucket, key: key, in: nil, progress: progress, isCancelled: isCancelled)
    }

    public func upload(
        _ path: String, bucket: String, key: String, region: String,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        try upload(path, bucket: bucket, key: key, in: region, progress: progress, isCancelled: isCancelled)
    }

    private func upload(
        _ path: String, bucket: String, key: String, in region: String?,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        let s3 = client(region).s3
        return try Self.wait(isCancelled: isCancelled, again: "run the cell again to upload the file") {
            () async throws(AWSError) -> Int64 in
            try await s3.upload(file: path, bucket: bucket, key: key, progress: progress)
        }
    }

    public func download(
        bucket: String, key: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        try download(bucket: bucket, key: key, to: destination, in: nil, progress: progress, isCancelled: isCancelled)
    }

    public func download(
        bucket: String, key: String, to destination: String, region: String,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        try download(
            bucket: bucket, key: key, to: destination, in: region, progress: progress, isCancelled: isCancelled)
    }

    private func download(
        bucket: String, key: String, to destination: String, in region: String?,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        let s3 = client(region).s3
        return try Self.wait(isCancelled: isCancelled, again: "run the cell again to download the file") {
            () async throws(AWSError) -> Int64 in
            try await s3.download(bucket: bucket, key: key, to: destination, progress: progress)
        }
    }

    /// Waits for `work`, cancelling it when `isCancelled` says so; AWS's errors as diagnostics.
    private static func wait<T: Sendable>(
        isCancelled: @escaping @Sendable () -> Bool, again hint: String,
        _ work: @escaping @Sendable () async throws(AWSError) -> T
    ) throws(Diagnostic) -> T {
        switch SyncBridge.run(isCancelled: isCancelled, work) {
        case .success(let value)?: return value
        case .failure(let failure)?:
            throw failure.isCancellation ? Diagnostic.interrupted(hint: hint) : failure.diagnostic
        case nil: throw Diagnostic.interrupted(hint: hint)
        }
    }
}
