import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `pilot` running in a pseudo-terminal, driven like a person at a keyboard: send
/// keystrokes, wait for text to appear on the screen.
///
/// Matching ignores ANSI escape sequences and carriage returns. Every wait has a generous
/// deadline and fails with what the screen showed, so a slow machine makes a test slower, never
/// flaky; nothing sleeps to synchronise.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); the screen showed:\n\(screen)" }
    }

    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    /// When each piece of the screen's bytes arrived: the offset it starts at, and the time.
    private(set) var arrivals: [(offset: Int, time: ContinuousClock.Instant)] = []
    /// How much of the (escape-free) screen text earlier waits have consumed.
    private var mark = 0
    private(set) var exitStatus: Int32?

    /// Starts `pilot ARGS` in `directory` on a new pseudo-terminal `columns` wide.
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:],
         columns: Int = 100, rows: Int = 40) throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env["NO_COLOR"] = "1"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["PILOT_TRUST_STORE"] = PilotProcess.trustStore
        for (key, value) in environment { env[key] = value }
        // /bin/sh changes to the directory, then becomes pilot.
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, PilotProcess.binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let slavePath = String(cString: ttyname(slave))
        close(slave)
        // posix_spawn, not fork: the test process has many threads. The child starts a new
        // session and opens the terminal as its stdin, which makes it the controlling terminal;
        // the test runs on a thread that blocks signals, so the child's mask is set empty.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGWINCH)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID, hidden behind _GNU_SOURCE */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0]!, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw POSIXError(.init(rawValue: result) ?? .EIO)
        }
        guard pid > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        self.pid = pid
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\t" for Tab).
    func send(_ text: String) {
        var data = Array(text.utf8)[...]
        while !data.isEmpty {
            let n = data.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            data = data.dropFirst(n)
        }
    }

    /// Types `text` once the program is reading keys one by one (libedit's raw mode). Keys typed
    /// while the terminal is still in canonical mode go through the kernel's line discipline
    /// first, which turns Ctrl-D into end-of-file and can drop a line when the mode changes: the
    /// same keys a person types ahead of the prompt.
    func type(_ text: String, timeout: Duration = .seconds(60)) throws {
        try waitForRawMode(timeout: timeout)
        send(text)
    }

    /// Waits until the terminal's line discipline is out of canonical mode.
    func waitForRawMode(timeout: Duration = .seconds(60)) throws {
        let deadline = ContinuousClock.now + timeout
        var settings = termios()
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard ContinuousClock.now < deadline, pump(wait: 10) else {
                throw Timeout(waitingFor: "the terminal in raw mode", screen: screen)
            }
        }
    }

    /// Everything the program wrote, escape sequences included.
    var raw: String { String(decoding: bytes, as: UTF8.self) }

    /// The lines a person sees once everything written so far is drawn: a carriage return goes
    /// back to the start of the line, ESC[2K erases it, other escape sequences draw nothing.
    var drawnLines: [String] {
        var lines = [""]
        var column = 0
        var rest = Substring(raw)
        while let character = rest.first {
            if let escape = rest.prefixMatch(of: #/\x1B\[[0-9;?]*[ -\/]*[@-~]/#) {
                if escape.output.hasSuffix("2K") {
                    lines[lines.count - 1] = ""
                    column = 0
                }
                rest = rest[escape.range.upperBound...]
                continue
            }
            switch character {
            case "\r": column = 0
            case "\n", "\r\n":  // one Character in Swift
                lines.append("")
                column = 0
            default:
                var line = Array(lines[lines.count - 1])
                if column < line.count { line[column] = character } else { line.append(character) }
                lines[lines.count - 1] = String(line)
                column += 1
            }
            rest = rest.dropFirst()
        }
        return lines
    }

    /// The screen's text so far without escape sequences and carriage returns.
    var screen: String { Self.plain(String(decoding: bytes, as: UTF8.self)) }

    /// Waits until `text` appears after what earlier waits matched; returns the text from the
    /// previous match up to and including this one.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(180)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let current = screen
            let start = current.utf8.index(current.startIndex, offsetBy: min(mark, current.utf8.count))
            if let found = current[start...].range(of: text) {
                mark = current.utf8.distance(from: current.startIndex, to: found.upperBound)
                return String(current[start..<found.upperBound])
            }
            guard ContinuousClock.now < deadline, pump() else {
                throw Timeout(waitingFor: text, screen: current)
            }
        }
    }

    /// Waits for the process to end; its exit status, or `nil` on timeout.
    func waitForExit(timeout: Duration = .seconds(60)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            _ = pump()
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                while pump(wait: 0) {}
                return exitStatus
            }
        }
        return nil
    }

    /// Changes the window size; the kernel sends the program SIGWINCH.
    func resize(columns: Int, rows: Int = 40) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Reads what is there within `wait` milliseconds; `false` once the terminal is closed.
    private func pump(wait: Int32 = 100) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, wait)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return exitStatus == nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return n < 0 && errno == EINTR }
        arrivals.append((bytes.count, .now))
        bytes += buffer[..<n]
        return true
    }

    /// `text` without ANSI escape sequences, carriage returns and bells.
    static func plain(_ text: String) -> String {
        text.replacing(#/\x1B\[[0-9;?]*[ -\/]*[@-~]|\x1B\][^\x07]*\x07|\x1B[()][0-9A-Za-z]|\x1B[=>78]|\r|\x07/#
            .matchingSemantics(.unicodeScalar), with: "")
    }
}
