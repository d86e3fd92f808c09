import Diagnostics
import Foundation

/// What a running workbook or shell holds: named values, settings and parameters. One session
/// runs one workbook's cells in order, so a frame loaded in one cell is there for the next.
/// Paths in cells are relative to ``workingDirectory``, the workbook's own folder.
public final class Session {
    /// The folder relative paths are resolved against.
    public let workingDirectory: String
    /// The settings this session knows, with their defaults.
    public let knownSettings: [Setting]
    /// Current setting values, by name.
    public private(set) var settings: [String: String]
    /// Parameters, by name, in the order defined: given from outside (`pilot run --param k=v`)
    /// or declared with their defaults by a `params` cell.
    public private(set) var parameters: [(name: String, value: String)] = []
    /// The values given from outside (`--param`), which win over a `params` cell's defaults.
    public private(set) var overrides: [(name: String, value: String)] = []
    /// Named values, by name.
    public private(set) var values: [String: any SessionValue] = [:]
    /// Environment variables commands may read (`PILOT_MIRROR`).
    public let environment: [String: String]
    /// What commands reach the world through (a ``Downloader``, an ``ObjectStorage``, an endpoint
    /// host), plugged in by the executable; looked up by protocol with ``service(_:)``.
    private let services: [any Sendable]
    /// What commands keep for the whole session beside its named values (an open store).
    private var attachments: [ObjectIdentifier: AnyObject] = [:]

    public init(
        workingDirectory: String, settings: [Setting] = Setting.standard,
        environment: [String: String] = [:], services: [any Sendable] = []
    ) {
        self.workingDirectory = workingDirectory
        self.knownSettings = settings
        self.environment = environment
        self.services = services
        self.settings = Dictionary(uniqueKeysWithValues: settings.map { ($0.name, $0.defaultValue) })
    }

    /// The path of `path` relative to the working directory (absolute paths stay as they are).
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst(1)
        }
        return URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// The service of this type (`session.service((any Downloader).self)`), if one was plugged in.
    public func service<Service>(_ type: Service.Type) -> Service? {
        services.lazy.compactMap { $0 as? Service }.first
    }

    /// The session's one `T`, made by `make` the first time it is asked for.
    public func attachment<T: AnyObject>(_ type: T.Type, make: () throws -> T) rethrows -> T {
        if let existing = attachments[ObjectIdentifier(type)] as? T { return existing }
        let made = try make()
        attachments[ObjectIdentifier(type)] = made
        return made
    }

    /// Changes a setting.
    ///
    /// - Throws: ``Diagnostic`` for an unknown setting (with a suggestion) or an invalid value.
    public func set(_ name: String, to value: String) throws(Diagnostic) {
        guard let setting = knownSettings.first(where: { $0.name == name }) else {
            let names = knownSettings.map(\.name)
            throw Diagnostic(
                "unknown setting '\(name)'",
                hint: Suggestion.hint(for: name, in: names)
                    ?? "settings are " + names.map { "'\($0)'" }.joined(separator: ", "))
        }
        if let problem = setting.validate(value) {
            throw Diagnostic(
                "\(name)=\(value) is not valid: \(problem)", hint: "e.g. set \(name)=\(setting.defaultValue)")
        }
        settings[name] = value
    }

    /// Defines a parameter; a parameter named like a setting sets the setting instead.
    public func define(parameter name: String, value: String) throws(Diagnostic) {
        try declare(parameter: name, value: value)
        overrides.removeAll { $0.name == name }
        overrides.append((name, value))
    }

    /// The value given from outside for a parameter (`--param NAME=VALUE`), if any.
    public func override(for name: String) -> String? {
        overrides.last { $0.name == name }?.value
    }

    /// Defines a parameter from a `params` cell; like ``define(parameter:value:)``, a parameter
    /// named like a setting sets the setting.
    public func declare(parameter name: String, value: String) throws(Diagnostic) {
        if knownSettings.contains(where: { $0.name == name }) {
            try set(name, to: value)
            return
        }
        parameters.removeAll { $0.name == name }
        parameters.append((name, value))
    }

    /// The value `$name` stands for: a parameter, else a setting.
    public func lookup(_ name: String) -> String? {
        parameters.last { $0.name == name }?.value ?? settings[name]
    }

    /// The setting's value as a whole number (settings are validated when set).
    public func integerSetting(_ name: String) -> Int {
        Int(settings[name] ?? "") ?? 0
    }

    /// Stores a value under a name, replacing what was there.
    public func store(_ value: any SessionValue, as name: String) {
        values[name] = value
    }

    /// Removes a named value; returns it if there was one.
    @discardableResult
    public func remove(_ name: String) -> (any SessionValue)? {
        values.removeValue(forKey: name)
    }

    /// Forgets every named value and puts settings back to their defaults; parameters stay.
    ///
    /// - Returns: how many values were forgotten.
    @discardableResult
    public func reset() -> Int {
        let count = values.count
        values.removeAll()
        settings = Dictionary(uniqueKeysWithValues: knownSettings.map { ($0.name, $0.defaultValue) })
        return count
    }
}
