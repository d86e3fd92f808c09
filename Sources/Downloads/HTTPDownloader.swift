import Diagnostics
import Foundation
import Kernel
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads over HTTP and HTTPS with URLSession, streaming to a `.part` file that is renamed
/// into place only when complete, with progress and cancellation.
public struct HTTPDownloader: Downloader {
    /// How long to wait for a server that does not answer.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 30) {
        self.timeout = timeout
    }

    public func download(
        _ url: String, to destination: String, progress: @escaping @Sendable (Int64, Int64?) -> Void,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> Int64 {
        guard let address = URL(string: url) else {
            throw Diagnostic("'\(url)' is not a URL", hint: "e.g. https://example.com/data.zip")
        }
        let partial = destination + ".part"
        FileManager.default.createFile(atPath: partial, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: partial) else {
            throw Diagnostic("cannot write \(partial)", hint: "check the folder's permissions")
        }
        let transfer = Transfer(handle: handle, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: address)
        task.resume()
        while transfer.done.wait(timeout: .now() + 0.1) == .timedOut {
            if isCancelled() { task.cancel() }
        }
        try? handle.close()
        if let failure = transfer.failure(for: address, cancelled: isCancelled()) {
            try? FileManager.default.removeItem(atPath: partial)
            throw failure
        }
        do {
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: destination)
            }
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            throw Diagnostic(
                "cannot save \(destination): \(error.localizedDescription)", hint: "check the folder's permissions")
        }
        return transfer.received
    }
}

/// The state of one transfer, fed by URLSession's delegate queue.
private final class Transfer: NSObject, URLSessionDataDelegate, Sendable {
    let handle: FileHandle
    let progress: @Sendable (Int64, Int64?) -> Void
    /// Signalled when the transfer ends, however it ends.
    let done = DispatchSemaphore(value: 0)
    private let state = Mutex(State())

    private struct State {
        var received: Int64 = 0
        var expected: Int64?
        var status = 0
        /// How the transfer failed, when it did: URLSession's code and description.
        var error: (code: URLError.Code?, description: String)?
        var writeFailed = false
    }

    init(handle: FileHandle, progress: @escaping @Sendable (Int64, Int64?) -> Void) {
        self.handle = handle
        self.progress = progress
    }

    var received: Int64 { state.withLock { $0.received } }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        state.withLock {
            $0.status = http?.statusCode ?? 200
            $0.expected = response.expectedContentLength > 0 ? response.expectedContentLength : nil
        }
        completionHandler((200..<300).contains(http?.statusCode ?? 200) ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            state.withLock { $0.writeFailed = true }
            dataTask.cancel()
            return
        }
        let (now, total) = state.withLock { state -> (Int64, Int64?) in
            state.received += Int64(data.count)
            return (state.received, state.expected)
        }
        progress(now, total)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let failure = error.map { ((($0 as? URLError)?.code), $0.localizedDescription) }
        state.withLock { $0.error = failure }
        done.signal()
    }

    func failure(for url: URL, cancelled: Bool) -> Diagnostic? {
        state.withLock { state in
            let (status, writeFailed, error) = (state.status, state.writeFailed, state.error)
            let host = url.host ?? url.absoluteString
            if writeFailed { return Diagnostic("cannot write the download to disk", hint: "check the free space") }
            if !(200..<300).contains(status), status != 0 {
                let reason = HTTPURLResponse.localizedString(forStatusCode: status)
                return Diagnostic(
                    "\(host) answered \(status) \(reason) for \(url.path)",
                    hint: status == 404
                        ? "check the URL" : "try again later, or set PILOT_MIRROR to a folder holding the file")
            }
            if cancelled { return Diagnostic.interrupted(hint: "run the cell again to download the file") }
            guard let error else { return nil }
            switch error.code {
            case .notConnectedToInternet?, .cannotFindHost?, .dnsLookupFailed?, .cannotConnectToHost?,
                .networkConnectionLost?:
                return Diagnostic(
                    "cannot reach \(host): \(error.description)",
                    hint: "check the network, or set PILOT_MIRROR to a folder holding \(url.lastPathComponent)")
            case .timedOut?:
                return Diagnostic(
                    "\(host) did not answer in time",
                    hint: "try again, or set PILOT_MIRROR to a folder holding the file")
            default:
                return Diagnostic(
                    "download from \(host) failed: \(error.description)", hint: "try again, or check the URL")
            }
        }
    }
}
