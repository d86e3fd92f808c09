import Dispatch
import Foundation

/// Parses a file's chunks on worker threads, in order of their cuts, a few chunks ahead of the
/// thread that joins them into columns; so all cores parse while the joining goes on, and
/// memory holds only the chunks in flight.
final class ChunkPipeline: @unchecked Sendable {
    typealias Outcome = Result<ChunkParser.Result, ChunkParser.Failure>

    private let parser: ChunkParser
    private let cuts: [Int]
    private let expectedRows: Int
    private let lock = NSLock()
    private var outcomes: [Outcome?]
    private var ready: [DispatchSemaphore]
    private var nextChunk = 0
    private var cancelled = false
    private var workers = 0
    private let window: DispatchSemaphore
    private let group = DispatchGroup()

    init(parser: ChunkParser, cuts: [Int], expectedRows: Int, window: Int = 6) {
        self.parser = parser
        self.cuts = cuts
        self.expectedRows = expectedRows
        let count = max(0, cuts.count - 1)
        outcomes = Array(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        self.window = DispatchSemaphore(value: window)
    }

    /// Starts `count` worker threads.
    func start(workers count: Int) {
        workers = count
        for _ in 0..<count {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                work()
                group.leave()
            }
        }
    }

    private func work() {
        while true {
            window.wait()
            let index: Int? = lock.withLock {
                guard !cancelled, nextChunk < outcomes.count else { return nil }
                defer { nextChunk += 1 }
                return nextChunk
            }
            guard let index else {
                window.signal()
                return
            }
            let outcome = Outcome { () throws(ChunkParser.Failure) in
                try parser.parse(from: cuts[index], to: cuts[index + 1], expectedRows: expectedRows)
            }
            lock.withLock { outcomes[index] = outcome }
            ready[index].signal()
        }
    }

    /// The outcome of chunk `index`, waiting for it; each index is taken once, in order.
    func result(_ index: Int) -> Outcome {
        ready[index].wait()
        let outcome = lock.withLock { () -> Outcome in
            defer { outcomes[index] = nil }
            return outcomes[index]!
        }
        window.signal()
        return outcome
    }

    /// Stops handing out chunks and waits for the workers to finish the ones they hold.
    func stopAndWait() {
        lock.withLock { cancelled = true }
        for _ in 0..<workers { window.signal() }
        group.wait()
    }
}
