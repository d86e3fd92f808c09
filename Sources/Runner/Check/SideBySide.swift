import Foundation
import Synchronization

/// Runs pieces of work on a few threads at once and hands their results back in input order, as
/// `pilot check --jobs N` checks workbooks: the first result as soon as it is ready, each later
/// one once it and all before it are.
public enum SideBySide {
    /// Runs `work(index, job)` for every index in `0..<count` on `jobs` threads; `job` (0 up to
    /// `jobs - 1`) says which thread, so that work can keep resources of its own (ports, say).
    /// `deliver` is called on the calling thread, in index order.
    ///
    /// Threads get 8 MiB stacks, as the main thread has: cells run there as in `pilot run`.
    public static func run<Result: Sendable>(
        count: Int, jobs: Int, work: @escaping @Sendable (_ index: Int, _ job: Int) -> Result,
        deliver: (_ index: Int, Result) -> Void
    ) {
        let shared = Shared<Result>()
        let finished = DispatchSemaphore(value: 0)
        for job in 0..<max(1, min(jobs, count)) {
            let thread = Thread {
                while true {
                    let index = shared.state.withLock { state -> Int in
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard index < count else { return }
                    let result = work(index, job)
                    shared.state.withLock { $0.results[index] = result }
                    finished.signal()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for index in 0..<count {
            var result = shared.state.withLock { $0.results.removeValue(forKey: index) }
            while result == nil {
                finished.wait()
                result = shared.state.withLock { $0.results.removeValue(forKey: index) }
            }
            deliver(index, result!)
        }
    }

    /// What the threads share: the next index to take, and the results not yet delivered.
    private final class Shared<Result: Sendable>: Sendable {
        let state = Mutex<(next: Int, results: [Int: Result])>((0, [:]))
    }
}
