import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and window resizes, caught with `sigaction` and turned into flags the shell polls.
///
/// A process-directed signal goes to any thread that does not block it, so the line editor
/// cannot count on its `read` being interrupted. The handler also writes a byte to a pipe
/// (``wakeupDescriptor``) that the line editor polls beside standard input: Ctrl-C while typing
/// ends the wait whichever thread caught it. A running cell is interrupted by the shell's
/// ``Foreground`` loop, which polls ``takeInterrupt()``.
enum Signals {
    private static let interrupts = Atomic<Int>(0)
    /// The pipe's ends: written by the SIGINT handler, polled by the line editor; -1 before ``install()``.
    private static let wakeupRead = Atomic<Int32>(-1)
    private static let wakeupWrite = Atomic<Int32>(-1)

    /// The end of the wake-up pipe to poll; -1 before ``install()``.
    static var wakeupDescriptor: Int32 { wakeupRead.load(ordering: .relaxed) }

    /// Empties the wake-up pipe (the interrupts themselves are counted apart).
    static func drainWakeups() {
        let fd = wakeupRead.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fd, &buffer, buffer.count) > 0 {}
    }

    /// Installs the handlers; call once before the first prompt.
    static func install() {
        // A parent may have started pilot with these blocked; a person expects them to work.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)

        if wakeupRead.load(ordering: .relaxed) < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for fd in ends {
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                }
                wakeupRead.store(ends[0], ordering: .relaxed)
                wakeupWrite.store(ends[1], ordering: .relaxed)
            }
        }

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Signals.noteInterrupt() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)

        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { _ in WindowSize.noteResize() }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &resize, nil)
    }

    private static func noteInterrupt() {
        interrupts.add(1, ordering: .relaxed)
        let fd = wakeupWrite.load(ordering: .relaxed)
        if fd >= 0 {
            var byte: UInt8 = 3
            _ = write(fd, &byte, 1)  // async-signal-safe; a full pipe already wakes the editor
        }
    }

    /// How many Ctrl-Cs arrived since the last call, and forgets them.
    static func takeInterrupts() -> Int {
        interrupts.exchange(0, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed and not yet taken; safe in a signal handler's aftermath.
    static var interruptPending: Bool {
        interrupts.load(ordering: .relaxed) > 0
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func takeInterrupt() -> Bool {
        takeInterrupts() > 0
    }
}
