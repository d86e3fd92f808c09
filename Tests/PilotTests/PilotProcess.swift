import Foundation
import TestSupport

/// Runs the built `pilot` binary, as a user would.
struct PilotProcess {
    typealias Result = ChildProcess.Result

    /// The `pilot` executable (``PilotBinary``).
    static let binary = PilotBinary.path

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

    /// Runs `executable ARGS` in `directory` with exactly `environment`, and waits for it
    /// (``ChildProcess/run(_:_:in:environment:input:)``).
    static func execute(_ executable: String, _ arguments: [String], in directory: String? = nil,
                        environment: [String: String], input: String? = nil) throws -> Result {
        try ChildProcess.run(executable, arguments, in: directory, environment: environment, input: input)
    }

    /// Removes live timings (`12ms`, `1.2s`) from progress lines, which are never stored.
    static func withoutTimings(_ text: String) -> String {
        text.replacing(#/ \d+(\.\d+)?(ms|s)$/#.anchorsMatchLineEndings(), with: "")
    }
}
