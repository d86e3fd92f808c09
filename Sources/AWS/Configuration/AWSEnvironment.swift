import Foundation

/// What the client reads its settings from: environment variables and the home folder. Tests
/// pass their own; everything else uses ``current``.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    public var home: String

    public init(variables: [String: String], home: String? = nil) {
        self.variables = variables
        self.home = home ?? variables["HOME"] ?? NSHomeDirectory()
    }

    /// The process's environment and home folder.
    public static var current: AWSEnvironment {
        AWSEnvironment(variables: ProcessInfo.processInfo.environment)
    }

    /// A variable's value, nil when unset or empty (as boto3 treats an empty variable).
    public subscript(_ name: String) -> String? {
        variables[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `~/x` and `$HOME/x` against this environment's home folder.
    func expandingHome(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }
}
