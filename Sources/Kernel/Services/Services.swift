import Diagnostics

/// Where a command shows notes and progress while it runs; nothing shown here is stored.
public protocol LiveDisplay: AnyObject, Sendable {
    /// A one-line remark, e.g. `using the mirror's copy`.
    func note(_ text: String)
    /// Progress of long work: a label, the fraction done when known, and a detail such as `3.1 MB`;
    /// `endProgress` removes the progress line.
    func progress(_ label: String, fraction: Double?, detail: String)
    func endProgress()
}

/// Fetches a URL into a file (written whole or not at all). The kernel owns this protocol; the
/// executable plugs in the HTTP implementation, so the kernel and its tests stay free of
/// networking code. `progress` gets (bytes so far, total when known); once `isCancelled` says
/// `true` the download stops with an error. Returns the number of bytes written.
public protocol Downloader: Sendable {
    func download(
        _ url: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
}

/// Moves files to and from an object store (S3, or a server that speaks its API), as the
/// downloader does: progress, cancellation (an interrupted diagnostic), the bytes moved.
public protocol ObjectStorage: Sendable {
    /// Uploads the file at `path` (in parts when large); a failed upload leaves nothing behind.
    func upload(
        _ path: String, bucket: String, key: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
    /// Downloads `key` in `bucket` to `destination` (written whole or not at all).
    func download(
        bucket: String, key: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
}
