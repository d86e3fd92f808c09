import AWS
import Cloud
import Diagnostics
import Foundation
import Kernel

/// The kernel's ``ObjectStorage`` over S3 (or a server that speaks its API), through our AWS
/// client, configured at first use (``LazyAWSClient``).
public final class S3ObjectStorage: ObjectStorage, RegionalObjectStorage {
    private let aws: LazyAWSClient

    /// - Parameters:
    ///   - environment: the session's environment variables (`AWS_*`, `HOME`).
    ///   - home: the folder holding `.aws/`; `HOME` from `environment` when nil.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String? = nil,
        retry: RetryPolicy = .standard
    ) {
        aws = LazyAWSClient(environment: environment, home: home, retry: retry)
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
        let s3 = aws.client(region: region).s3
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
        let s3 = aws.client(region: region).s3
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
