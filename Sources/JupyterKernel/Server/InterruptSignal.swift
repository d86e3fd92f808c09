import Kernel

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, for kernels started with `interrupt_mode: signal` (and a Ctrl-C sent to the
/// process): raises the kernel's interruption, as an `interrupt_request` does, so `autopilot`
/// stops after its current candidate and the kernel stays up.
///
/// The handler only stores to an atomic flag, which is safe in a signal handler; it has
/// `SA_RESTART`, and libzmq calls cut short by it are made again (``ZMQCall``).
enum InterruptSignal {
    /// The interruption every cell of this process runs with; each cell clears it first.
    static let interruption = Interruption()

    /// Installs the handler (once is enough; again does no harm).
    static func install() {
        _ = interruption  // initialised before the handler can run
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptSignal.interruption.raise() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(SIGINT, &action, nil)
    }
}
