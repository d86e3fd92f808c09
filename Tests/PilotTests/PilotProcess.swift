import Foundation

/// Runs the built `pilot` binary, as a user would.
struct PilotProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `pilot` executable beside the test bundle (`swift build` puts both in one folder), or
    /// `PILOT_BINARY` when set.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["PILOT_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("pilot").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.appendingPathComponent(".build/debug/pilot").path
    }()

    /// The trust store the tests' pilot processes use, unless a test names its own.
    static let trustStore = FileManager.default.temporaryDirectory
        .appendingPathComponent("pilot-tests-trusted-\(getpid())").path

    /// Runs `pilot ARGS` in `directory` and waits for it.
    /// - Parameter input: what standard input holds (a pipe); the test's own stdin when `nil`.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    input: String? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Trust is kept in a file of the test's own, never in the user's.
        env["PILOT_TRUST_STORE"] = trustStore
        for (key, value) in environment { env[key] = value }
        return try execute(binary, arguments, in: directory, environment: env, input: input)
    }

    /// Runs `executable ARGS` in `directory` with exactly `environment`, and waits for it.
    static func execute(_ executable: String, _ arguments: [String], in directory: String? = nil,
                        environment: [String: String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Removes live timings (`12ms`, `1.2s`) from progress lines, which are never stored.
    static func withoutTimings(_ text: String) -> String {
        text.replacing(#/ \d+(\.\d+)?(ms|s)$/#.anchorsMatchLineEndings(), with: "")
    }
}
