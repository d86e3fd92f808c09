import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and window resizes, caught with `sigaction`.
///
/// A process-directed signal goes to any thread that does not block it, and a signal handler
/// may do next to nothing; so the SIGINT handler only writes a byte to a pipe, and a thread of
/// its own reads the pipe and tells the listener (``Interrupts/press()``), outside the handler.
/// The handler has no `SA_RESTART`: a `read` or `poll` it interrupts returns `EINTR`, and the
/// callers go on. SIGWINCH only marks the window size as changed (``WindowSize``).
enum Signals {
    /// The pipe's ends, as plain numbers: the handler must not touch Swift objects.
    private static let pipeRead = Atomic<Int32>(-1)
    private static let pipeWrite = Atomic<Int32>(-1)
    /// Who hears Ctrl-C.
    private static let listener = Mutex<(@Sendable () -> Void)?>(nil)

    /// Installs the handlers (once per process) and makes `onInterrupt` the one told of each
    /// Ctrl-C, on the signal thread; a later call replaces the listener.
    static func install(onInterrupt: @escaping @Sendable () -> Void) {
        listener.withLock { $0 = onInterrupt }
        // A parent may have started pilot with these blocked; a person expects them to work.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        guard pipeRead.load(ordering: .acquiring) < 0 else { return }

        let wake = WakePipe()
        pipeWrite.store(wake.writeEnd, ordering: .releasing)
        pipeRead.store(wake.readEnd, ordering: .releasing)
        let thread = Thread {
            while true {
                for _ in 0..<wake.wait() {
                    listener.withLock { $0 }?()
                }
            }
        }
        thread.name = "pilot signals"
        thread.start()

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let fd = Signals.pipeWrite.load(ordering: .relaxed)
            guard fd >= 0 else { return }
            let saved = errno
            var byte: UInt8 = 3
            _ = write(fd, &byte, 1)  // async-signal-safe
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)

        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { _ in WindowSize.noteResize() }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &resize, nil)
    }
}
