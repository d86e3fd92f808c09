import Dispatch
import Synchronization

/// Runs async work to the end for a synchronous caller (the kernel's services are synchronous),
/// polling the caller's cancellation flag and cancelling the work when it is raised.
///
/// The work runs on a serial queue of its own (a task executor), never on Swift's cooperative
/// pool: the caller blocks its thread while it waits, and when that thread is one of the pool's
/// few, work queued behind it on the pool would never run.
enum SyncBridge {
    static func run<T: Sendable, Failure: Error>(
        isCancelled: @escaping @Sendable () -> Bool, _ work: @escaping @Sendable () async throws(Failure) -> T
    ) -> Result<T, Failure>? {
        let outcome = Mutex<Result<T, Failure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task(executorPreference: QueueExecutor()) {
            let result: Result<T, Failure>
            do throws(Failure) { result = .success(try await work()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        while done.wait(timeout: .now() + 0.1) == .timedOut {
            if isCancelled() { task.cancel() }
        }
        return outcome.withLock { $0 }
    }
}

/// A task executor over one serial dispatch queue.
final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "pilot.sync-bridge")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
