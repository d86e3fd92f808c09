import Foundation

/// One of the AWS CLI's INI files (`~/.aws/credentials`, `~/.aws/config`), read as boto3 reads
/// them: `[name]` sections (`[profile name]` in the config file), `key = value` lines, `#` and
/// `;` comments; indented lines (nested settings such as `s3 =`) are skipped.
struct ProfileFile: Sendable {
    /// Settings by section name, with the config file's `profile ` prefix removed.
    var sections: [String: [String: String]] = [:]

    /// The file at `path`, or nil when there is none (or it cannot be read).
    init?(path: String, isConfigFile: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(text: String(decoding: data, as: UTF8.self), isConfigFile: isConfigFile)
    }

    init(text: String, isConfigFile: Bool) {
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if rawLine.first == " " || rawLine.first == "\t" { continue }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                var name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if isConfigFile, name.hasPrefix("profile ") {
                    name = name.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
                } else if isConfigFile, name != "default" {
                    // `[sso-session x]`, `[services x]` and the like are not profiles.
                    current = nil
                    continue
                }
                current = name
                sections[name, default: [:]] = sections[name, default: [:]]
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[current, default: [:]][key] = value
        }
    }

    func value(_ key: String, profile: String) -> String? {
        sections[profile]?[key].flatMap { $0.isEmpty ? nil : $0 }
    }
}
