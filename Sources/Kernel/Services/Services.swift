import Diagnostics

/// Where a command shows what happens while it runs: notes and progress for the person at the
/// terminal. Nothing shown here is stored in the workbook (timings, sources, bars).
public protocol LiveDisplay: AnyObject, Sendable {
    /// A one-line remark, e.g. `using the mirror's copy`.
    func note(_ text: String)
    /// Progress of long work: a label, the fraction done when known, and a detail such as `3.1 MB`.
    func progress(_ label: String, fraction: Double?, detail: String)
    /// The long work ended; remove the progress line.
    func endProgress()
}

/// Fetches a URL into a file. The kernel owns this protocol; the executable plugs in the
/// HTTP implementation, so the kernel and its tests stay free of networking code.
public protocol Downloader: Sendable {
    /// Downloads `url` to `destination` (written whole or not at all).
    ///
    /// - Parameters:
    ///   - progress: called with bytes received so far and the total when known.
    ///   - isCancelled: polled; when it says `true` the download stops with an error.
    /// - Returns: the number of bytes written.
    func download(
        _ url: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64
}
