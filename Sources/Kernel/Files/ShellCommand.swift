import Foundation

/// `sh COMMAND`: runs a line of shell in the workbook's folder.
enum ShellCommand {
    static let command = Command(
        "sh", area: .files, usage: "sh COMMAND",
        summary: "run a shell command in the workbook's folder (gated by trust)",
        discussion: """
        The rest of the line goes to /bin/sh as written: pipes, quotes and globs are the shell's. \
        Parameters and settings are in its environment ($seed reads the seed). Its output and \
        errors are the cell's output; a non-zero exit status fails the cell. Ctrl-C stops it. \
        A workbook someone else wrote may do anything here, so pilot run and pilot open list \
        such cells and ask before running them (see pilot trust).
        """,
        examples: ["sh ls -l bank-additional", "sh wc -l bank-additional/bank-additional-full.csv"],
        verbatim: true,
        risk: { _ in "runs a shell command" }
    ) { line, context throws(KernelError) in
        guard let script = line.words.first else {
            throw context.commands["sh"]!.usageError("sh takes a command to run, e.g. sh ls -l")
        }
        let session = context.session
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in session.settings { environment[name] = value }
        for (name, value) in session.parameters { environment[name] = value }
        let result = try run(script, in: session.workingDirectory, environment: environment,
                             interruption: context.interruption)
        if !result.output.isEmpty {
            context.print(result.output.hasSuffix("\n") ? String(result.output.dropLast()) : result.output)
        }
        try context.checkInterruption()
        guard result.status == 0 else {
            throw KernelError("sh: the command exited with status \(result.status)",
                              hint: "its output is above; the line was: \(script)")
        }
    }

    /// Runs `script` with `/bin/sh -c`; its standard output and error together, and its exit
    /// status (128 + the signal when a signal ended it). Stopped with SIGTERM on interruption.
    static func run(_ script: String, in folder: String, environment: [String: String],
                    interruption: Interruption) throws(KernelError) -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw KernelError("sh: could not start /bin/sh: \(error.localizedDescription)")
        }
        let collected = Collected()
        let reader = Thread {
            collected.set(pipe.fileHandleForReading.readDataToEndOfFile())
        }
        reader.start()
        var stopped = false
        while process.isRunning {
            if interruption.isRaised, !stopped {
                process.terminate()
                stopped = true
            }
            usleep(20_000)
        }
        let output = String(decoding: collected.wait(), as: UTF8.self)
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (output, status)
    }
}

/// The child's output, handed from the reading thread once the pipe is closed.
private final class Collected: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
