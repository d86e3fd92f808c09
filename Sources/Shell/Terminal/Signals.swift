import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and window resizes, caught with `sigaction` and turned into flags the shell polls.
///
/// SIGINT is installed without `SA_RESTART`, so the pending `read` of the line editor returns
/// with `EINTR` and the shell can throw the line away; a running cell is interrupted by the shell's
/// ``Foreground`` loop, which polls ``takeInterrupt()``.
enum Signals {
    private static let interrupts = Atomic<Int>(0)

    /// Installs the handlers; call once before the first prompt.
    static func install() {
        // A parent may have started pilot with these blocked; a person expects them to work.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)

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
