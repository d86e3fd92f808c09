import Dispatch
import Foundation
import Synchronization

/// Parses a file's chunks on worker threads, in order of their cuts, a few chunks ahead of the
/// thread that joins them into columns; so all cores parse while the joining goes on, and
/// memory holds only the chunks in flight.
final class ChunkPipeline: Sendable {
    typealias Outcome = Result<ChunkParser.Result, ChunkParser.Failure>

    private let parser: ChunkParser
    private let cuts: [Int]
    private let expectedRows: Int
    /// What the workers and the joining thread share.
    private let state: Mutex<State>
    /// Signalled when chunk `i`'s outcome is in.
    private let ready: [DispatchSemaphore]
    private let window: DispatchSemaphore
    private let group = DispatchGroup()

    private struct State {
        var outcomes: [Outcome?]
        var nextChunk = 0
        var cancelled = false
        var workers = 0
    }

    init(parser: ChunkParser, cuts: [Int], expectedRows: Int, window: Int = 6) {
        self.parser = parser
        self.cuts = cuts
        self.expectedRows = expectedRows
        let count = max(0, cuts.count - 1)
        state = Mutex(State(outcomes: Array(repeating: nil, count: count)))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        self.window = DispatchSemaphore(value: window)
    }

    /// Starts `count` worker threads.
    func start(workers count: Int) {
        state.withLock { $0.workers = count }
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
            let index: Int? = state.withLock { state in
                guard !state.cancelled, state.nextChunk < state.outcomes.count else { return nil }
                defer { state.nextChunk += 1 }
                return state.nextChunk
            }
            guard let index else {
                window.signal()
                return
            }
            let outcome = Outcome { () throws(ChunkParser.Failure) in
                try parser.parse(from: cuts[index], to: cuts[index + 1], expectedRows: expectedRows)
            }
            state.withLock { $0.outcomes[index] = outcome }
            ready[index].signal()
        }
    }

    /// The outcome of chunk `index`, waiting for it; each index is taken once, in order.
    func result(_ index: Int) -> Outcome {
        ready[index].wait()
        let outcome = state.withLock { state -> Outcome in
            defer { state.outcomes[index] = nil }
            return state.outcomes[index]!
        }
        window.signal()
        return outcome
    }

    /// Stops handing out chunks and waits for the workers to finish the ones they hold.
    func stopAndWait() {
        let workers = state.withLock { state in
            state.cancelled = true
            return state.workers
        }
        for _ in 0..<workers { window.signal() }
        group.wait()
    }
}
