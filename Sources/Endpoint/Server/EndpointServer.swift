import Diagnostics
import Dispatch
import Foundation
import Hummingbird
import Logging
import NIOCore
import Serving
import Synchronization

/// An ``InferenceService`` listening on a port: a Hummingbird application run on its own task,
/// started and stopped from synchronous code (the kernel's commands).
///
/// ```swift
/// let server = try EndpointServer.start(InferenceService(model), port: 0)
/// print(server.url)   // http://127.0.0.1:41234
/// server.stop()
/// ```
public final class EndpointServer: RunningEndpoint {
    public let service: InferenceService
    public let host: String
    public let port: Int
    private let task: Task<Void, Never>
    private let finished: DispatchSemaphore
    private let stopped = Mutex(false)

    private init(
        service: InferenceService, host: String, port: Int, task: Task<Void, Never>, finished: DispatchSemaphore
    ) {
        self.service = service
        self.host = host
        self.port = port
        self.task = task
        self.finished = finished
    }

    deinit {
        stop()
    }

    public var url: String { "http://\(host):\(port)" }
    public var requestsServed: Int { service.requestsServed }

    /// Starts serving and returns once the port is bound.
    ///
    /// - Parameters:
    ///   - host: the address to bind; 127.0.0.1 keeps the endpoint to this machine.
    ///   - port: the port; 0 lets the system pick a free one; `nil` takes the first free port from
    ///     `firstPort` up (among 100).
    ///   - firstPort: where to start looking: ``Kernel/defaultPort`` (8080) unless told otherwise.
    /// - Throws: ``Diagnostic`` when the port is taken or cannot be bound.
    public static func start(
        _ service: InferenceService, host: String = "127.0.0.1", port: Int?, firstPort: Int = defaultPort
    ) throws(Diagnostic)
        -> EndpointServer
    {
        guard port == nil else {
            switch launch(service, host: host, port: port!) {
            case .success(let server): return server
            case .failure(let error): throw bindError(error, host: host, port: port!)
            }
        }
        var tried = firstPort
        while true {
            switch launch(service, host: host, port: tried) {
            case .success(let server):
                return server
            case .failure(let error) where isTaken(error) && tried < firstPort + 100:
                tried += 1
            case .failure(let error):
                throw bindError(error, host: host, port: tried)
            }
        }
    }

    /// Runs the application on its own task and waits until it listens or fails to.
    private static func launch(
        _ service: InferenceService, host: String, port: Int
    ) -> Result<EndpointServer, any Error> {
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Int, any Error>?>(nil)
        let app = application(service, host: host, port: port) { bound in
            outcome.withLock { $0 = .success(bound) }
            started.signal()
        }
        // On threads of its own: the caller blocks until the server listens, and may itself be one of
        // the few threads Swift concurrency's shared pool has (a test, say).
        let task = Task(executorPreference: ServerExecutor.shared) {
            do {
                try await app.run()
            } catch {
                let first = outcome.withLock { current -> Bool in
                    guard current == nil else { return false }
                    current = .failure(error)
                    return true
                }
                if first { started.signal() }
            }
            finished.signal()
        }
        started.wait()
        switch outcome.withLock({ $0 })! {
        case .success(let bound):
            return .success(EndpointServer(service: service, host: host, port: bound, task: task, finished: finished))
        case .failure(let error):
            finished.wait()
            return .failure(error)
        }
    }

    /// The Hummingbird application serving `service`; `onRunning` gets the bound port.
    public static func application(
        _ service: InferenceService, host: String, port: Int,
        onRunning: @escaping @Sendable (Int) -> Void = { _ in }
    )
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "pilot.endpoint")
        logger.logLevel = .critical
        return Application(
            router: EndpointRouter.make(service),
            configuration: .init(address: .hostname(host, port: port), serverName: "pilot"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Stops listening and waits until the port is free again. Safe to call more than once.
    public func stop() {
        let first = stopped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        task.cancel()
        finished.wait()
    }

    private static func isTaken(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE || "\(error)".contains("Address already in use")
    }

    /// What a failure to listen on `host:port` means, for the person who asked.
    public static func bindError(_ error: any Error, host: String, port: Int) -> Diagnostic {
        let text = "\(error)"
        if isTaken(error) {
            return Diagnostic(
                "port \(port) is taken: another program (or endpoint) listens on \(host):\(port)",
                hint: "choose another port (port=\(port + 1)), or leave port= out for a free one")
        }
        if (error as? IOError)?.errnoCode == EACCES {
            return Diagnostic(
                "not allowed to listen on port \(port)", hint: "ports below 1024 need privileges: choose one above 1024"
            )
        }
        return Diagnostic(
            "cannot listen on \(host):\(port): \(text)", hint: "choose another port, or leave port= out for a free one")
    }
}

/// Runs the tasks of servers started from synchronous code on Dispatch's threads, which grow
/// when some block, instead of Swift concurrency's shared pool, which has one thread per core.
final class ServerExecutor: TaskExecutor {
    static let shared = ServerExecutor()
    private let queue = DispatchQueue(label: "pilot.endpoint", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
