import Diagnostics
import Foundation

/// An error XGBoost reported, through `XGBGetLastError`.
///
/// ``message`` is the first line without XGBoost's `[time] file:line:` prefix, for users;
/// ``raw`` keeps everything (stack included) for `--verbose`.
public struct XGBoostError: Error, Sendable, Equatable, CustomStringConvertible, DiagnosticConvertible {
    /// The C function that failed.
    public var function: String
    public var message: String
    public var raw: String

    init(function: String, raw: String) {
        self.function = function
        self.raw = raw
        message = XGBoostError.firstLine(of: raw)
    }

    public var description: String { "\(function): \(message)" }

    /// The message's first line; the raw text (with XGBoost's file and line) stays in ``raw``.
    public var diagnostic: Diagnostic { Diagnostic("XGBoost: " + message) }

    /// `[12:00:00] /build/src/learner.cc:123: Check failed: ...` → `Check failed: ...`.
    static func firstLine(of raw: String) -> String {
        var line = String(raw.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            line = String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        // Drop a leading "path/file.cc:123: ".
        if let colon = line.range(of: ".cc:") ?? line.range(of: ".h:") {
            let rest = line[colon.upperBound...].drop { $0.isNumber }
            if rest.hasPrefix(":") { line = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        }
        return line.isEmpty ? "unknown XGBoost error" : line
    }
}
