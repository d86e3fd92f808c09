import Foundation
import NIOCore

/// A request body handed to AsyncHTTPClient a chunk at a time, saying how many bytes have been
/// taken so far: AsyncHTTPClient asks for the next chunk once the last one is written, so this is
/// upload progress without a delegate.
struct ProgressBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let data: Data
    let chunkSize: Int
    let report: @Sendable (Int64) -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: ProgressBody
        var offset = 0

        mutating func next() async -> ByteBuffer? {
            guard offset < body.data.count else { return nil }
            let end = Swift.min(offset + body.chunkSize, body.data.count)
            let start = body.data.startIndex
            let buffer = ByteBuffer(bytes: body.data[(start + offset)..<(start + end)])
            offset = end
            body.report(Int64(end))
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: self) }
}
