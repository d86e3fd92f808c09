#if canImport(Glibc)
import Glibc
#endif

/// A pipe one thread writes a byte to so that another, waiting in `poll(2)`, wakes up.
///
/// Both ends are non-blocking and closed on `exec`. ``signal()`` is async-signal-safe.
struct WakePipe: Sendable {
    /// The end to poll; -1 when the pipe could not be made (nothing then wakes).
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            (readEnd, writeEnd) = (-1, -1)
            return
        }
        for fd in ends {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    /// Wakes the waiting thread; a full pipe already wakes it.
    func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 3
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe; how many wake-ups it held.
    @discardableResult
    func drain() -> Int {
        guard readEnd >= 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 64)
        var count = 0
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            guard n > 0 else { return count }
            count += n
        }
    }

    /// Waits until the pipe holds a wake-up, then empties it; how many it held.
    func wait() -> Int {
        var waiting = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        while true {
            if poll(&waiting, 1, -1) < 0, errno != EINTR { return 0 }
            let count = drain()
            if count > 0 { return count }
        }
    }

    func close() {
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}
