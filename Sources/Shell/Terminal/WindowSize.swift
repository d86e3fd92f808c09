import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The terminal window's width, re-read when the window changes size (SIGWINCH), so the next
/// output (tables, wrapped prose) fits the window as it is now.
enum WindowSize {
    private static let cached = Atomic<Int>(0)
    private static let changed = Atomic<Bool>(true)

    /// Columns of the terminal on standard output (or standard input), 80 when there is none.
    static var columns: Int {
        if changed.exchange(false, ordering: .acquiring) {
            cached.store(read(), ordering: .releasing)
        }
        return cached.load(ordering: .acquiring)
    }

    /// Notes a SIGWINCH; safe to call from a signal handler.
    static func noteResize() {
        changed.store(true, ordering: .releasing)
    }

    private static func read() -> Int {
        var size = winsize()
        for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] {
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return 80
    }
}
