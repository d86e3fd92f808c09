import Diagnostics

/// S3 with the region chosen per call: when a workbook sets `region` (for its SageMaker jobs),
/// its uploads and downloads go to that region's S3 too, where the job's bucket is. The kernel's
/// `ObjectStorage` uses the region AWS's configuration gives.
public protocol RegionalObjectStorage: Sendable {
    func upload(
        _ path: String, bucket: String, key: String, region: String,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
    func download(
        bucket: String, key: String, to destination: String, region: String,
        progress: @escaping @Sendable (Int64, Int64?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
}
