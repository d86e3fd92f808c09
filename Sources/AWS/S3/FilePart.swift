import Foundation
import Synchronization

/// The parts of a file being uploaded in pieces.
enum FilePart {
    /// A file cut into parts of `partSize` bytes (the last one shorter).
    struct Source: @unchecked Sendable {
        // FileHandle is read from one task at a time: the task that starts each part.
        let handle: FileHandle
        let path: String
        let size: Int64
        let partSize: Int64

        var count: Int { Int((size + partSize - 1) / partSize) }

        /// The bytes of part `index` (from 0).
        func read(_ index: Int) throws(AWSError) -> Data {
            let offset = Int64(index) * partSize
            let data: Data
            do {
                try handle.seek(toOffset: UInt64(offset))
                data = try handle.read(upToCount: Int(min(partSize, size - offset))) ?? Data()
            } catch {
                throw .localFile(path, "cannot read the file")
            }
            guard data.count == Int(min(partSize, size - offset)) else {
                throw .localFile(path, "the file changed while it was being uploaded")
            }
            return data
        }
    }

    /// Bytes sent of each part in flight, added up for the progress line.
    final class Tally: Sendable {
        private let sent: Mutex<[Int64]>

        init(parts: Int) {
            sent = Mutex([Int64](repeating: 0, count: parts))
        }

        /// Records that `bytes` of `part` are sent and reports the total of all parts, in order
        /// (under the lock, so the totals reported never go backwards between parts).
        func record(_ bytes: Int64, part: Int, report: (Int64) -> Void) {
            sent.withLock { sent in
                sent[part] = bytes
                report(sent.reduce(0, +))
            }
        }
    }
}
