import Diagnostics
import Foundation
import Kernel
import Synchronization

/// `sh COMMAND`: runs a line of shell in the workbook's folder.
struct Sh: CellCommand {
    static let configuration = CommandConfiguration(
        "sh", area: .files, summary: "run a shell command in the workbook's folder (gated by trust)",
        discussion: """
            The rest of the line goes to /bin/sh as written: pipes, quotes and globs are the shell's. \
            Parameters and settings are in its environment ($seed reads the seed). Its output and \
            errors are the cell's output; a non-zero exit status fails the cell. Ctrl-C stops it. \
            A workbook someone else wrote may do anything here, so pilot run and pilot open list \
            such cells and ask before running them (see pilot trust).
            """,
        examples: ["sh ls -l bank-additional", "sh wc -l bank-additional/bank-additional-full.csv"],
        risk: "runs a shell command")

    @Verbatim("COMMAND", "a command to run, e.g. sh ls -l") var script: String

    func run(in context: CommandContext) throws {
        let session = context.session
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in session.settings { environment[name] = value }
        for (name, value) in session.parameters { environment[name] = value }
        let result = try Self.run(
            script, in: session.workingDirectory, environment: environment,
            interruption: context.interruption)
        if !result.output.isEmpty {
            context.print(result.output.hasSuffix("\n") ? String(result.output.dropLast()) : result.output)
        }
        try context.checkInterruption()
        guard result.status == 0 else {
            throw Diagnostic(
                "sh: the command exited with status \(result.status)",
                hint: "its output is above; the line was: \(script)")
        }
    }

    /// Runs `script` with `/bin/sh -c` in `folder`; its standard output and error together, and
    /// its exit status (128 + the signal when a signal ended it). Interruption sends SIGTERM.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process, which on Linux counts a command
    /// as running while a child it left in the background (`cmd &`) still holds its descriptors.
    static func run(
        _ script: String, in folder: String, environment: [String: String],
        interruption: Interruption
    ) throws -> (output: String, status: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw Diagnostic("sh: could not make a pipe: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        _ = spawnChangingDirectory(&actions, folder)
        let arguments: [String] = ["/bin/sh", "-c", script]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The child starts with no blocked signals and the default actions for the ones pilot
        // handles or ignores (SIGPIPE: `yes | head` must end).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGTERM, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw Diagnostic("sh: could not start /bin/sh: \(String(cString: strerror(spawned)))")
        }
        let collected = Collected()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n > 0 { collected.append(Data(buffer[..<n])); continue }
                if n < 0, errno == EINTR { continue }
                break
            }
            close(readEnd)
            collected.finish()
        }
        reader.start()
        var status: Int32 = 0
        var stopped = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if interruption.isRaised, !stopped {
                kill(pid, SIGTERM)
                stopped = true
            }
            usleep(20_000)
        }
        // What the command wrote before it ended is in the pipe already; a child it left running
        // in the background may hold the pipe open for long, so do not wait for that.
        let output = String(decoding: collected.take(waitingUpTo: .milliseconds(500)), as: UTF8.self)
        let signal = status & 0x7f
        return (output, signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which its header hides
/// behind `_GNU_SOURCE`.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnChangingDirectory(
    _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>,
    _ path: UnsafePointer<CChar>
) -> Int32

/// The child's output, gathered by the reading thread.
private final class Collected: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    func append(_ chunk: Data) {
        data.withLock { $0.append(chunk) }
    }

    func finish() {
        done.signal()
    }

    /// What was read once the pipe closed, or after `limit` if it stays open.
    func take(waitingUpTo limit: DispatchTimeInterval) -> Data {
        _ = done.wait(timeout: .now() + limit)
        return data.withLock { $0 }
    }
}
