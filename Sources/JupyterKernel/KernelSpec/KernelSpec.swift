import Foundation

/// The `pilot` kernelspec: the folder Jupyter finds kernels by (`kernels/pilot/kernel.json`
/// and a logo), written by `pilot kernel install`.
///
/// ```json
/// {"argv": ["/usr/local/bin/pilot", "kernel", "-f", "{connection_file}"],
///  "display_name": "pilot", "language": "pilot", "interrupt_mode": "message"}
/// ```
public struct KernelSpec: Sendable, Equatable, Encodable {
    /// The kernel's name: notebooks that `pilot export` writes ask for it.
    public static let name = "pilot"

    public var argv: [String]
    public var displayName = "pilot"
    public var language = "pilot"
    /// How Jupyter interrupts a cell: `message` (an `interrupt_request` on the control channel)
    /// or `signal` (SIGINT); the kernel answers both.
    public var interruptMode: InterruptMode
    public var metadata = ["debugger": false]

    /// How Jupyter interrupts the kernel.
    public enum InterruptMode: String, Sendable, Encodable, CaseIterable {
        case message, signal
    }

    enum CodingKeys: String, CodingKey {
        case argv, language, metadata
        case displayName = "display_name"
        case interruptMode = "interrupt_mode"
    }

    /// The spec that starts `executable` (an absolute path) as the kernel.
    public init(executable: String, interruptMode: InterruptMode = .message) {
        argv = [executable, "kernel", "-f", "{connection_file}"]
        self.interruptMode = interruptMode
    }

    /// `kernel.json`, indented, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Writes the spec into `kernels/pilot/` under `kernelsFolder` (made when missing),
    /// replacing what an earlier install wrote there.
    ///
    /// - Returns: the spec's folder.
    /// - Throws: ``KernelError/kernelSpec(path:reason:)`` when it cannot be written.
    @discardableResult
    public func install(in kernelsFolder: String) throws(KernelError) -> String {
        let folder = kernelsFolder + "/" + Self.name
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/kernel.json"), options: .atomic)
            try Data(Self.logo.utf8).write(to: URL(fileURLWithPath: folder + "/logo-svg.svg"), options: .atomic)
        } catch {
            throw .kernelSpec(path: folder, reason: Self.reason(error))
        }
        return folder
    }

    /// Removes `kernels/pilot/` under `kernelsFolder`.
    ///
    /// - Returns: the folder removed.
    /// - Throws: ``KernelError/notInstalled(searched:)`` when there is none.
    @discardableResult
    public static func uninstall(from kernelsFolder: String) throws(KernelError) -> String {
        let folder = kernelsFolder + "/" + name
        guard FileManager.default.fileExists(atPath: folder + "/kernel.json") else {
            throw .notInstalled(searched: [kernelsFolder])
        }
        do {
            try FileManager.default.removeItem(atPath: folder)
        } catch {
            throw .kernelSpec(path: folder, reason: reason(error))
        }
        return folder
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// The logo JupyterLab shows in its launcher: a paper plane on pilot's blue.
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <rect width="64" height="64" rx="12" fill="#1f5fa8"/>
        <path d="M12 32 L52 14 L40 50 L32 36 Z" fill="#ffffff"/>
        <path d="M32 36 L52 14 L28 40 Z" fill="#c9dcf2"/>
        </svg>

        """
}
