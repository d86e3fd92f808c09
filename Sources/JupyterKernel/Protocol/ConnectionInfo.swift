import Diagnostics
import Foundation

/// What Jupyter tells a kernel it starts, in the connection file (`pilot kernel -f FILE`): where
/// to listen for each channel, and the key that signs every message.
///
/// ```json
/// {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, "iopub_port": 53795,
///  "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
///  "key": "a0436f6c-...", "signature_scheme": "hmac-sha256", "kernel_name": "pilot"}
/// ```
public struct ConnectionInfo: Sendable, Equatable, Decodable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    /// The HMAC key; empty means messages are not signed.
    public var key: String
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port"
        case iopubPort = "iopub_port"
        case stdinPort = "stdin_port"
        case controlPort = "control_port"
        case heartbeatPort = "hb_port"
        case signatureScheme = "signature_scheme"
    }

    public init(
        transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, iopubPort: Int, stdinPort: Int,
        controlPort: Int, heartbeatPort: Int, key: String, signatureScheme: String = "hmac-sha256"
    ) {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transport = try container.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
        ip = try container.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
        shellPort = try container.decode(Int.self, forKey: .shellPort)
        iopubPort = try container.decode(Int.self, forKey: .iopubPort)
        stdinPort = try container.decode(Int.self, forKey: .stdinPort)
        controlPort = try container.decode(Int.self, forKey: .controlPort)
        heartbeatPort = try container.decode(Int.self, forKey: .heartbeatPort)
        key = try container.decodeIfPresent(String.self, forKey: .key) ?? ""
        signatureScheme = try container.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    }

    /// Reads and checks the connection file at `path`.
    ///
    /// - Throws: ``KernelError`` when the file cannot be read, is not a connection file, or asks
    ///   for a signature scheme other than `hmac-sha256`.
    public static func read(_ path: String) throws(KernelError) -> ConnectionInfo {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .connectionFile(path: path, reason: "cannot read it")
        }
        let info: ConnectionInfo
        do {
            info = try JSONDecoder().decode(ConnectionInfo.self, from: data)
        } catch {
            throw .connectionFile(path: path, reason: "it is not a Jupyter connection file (\(Self.describe(error)))")
        }
        guard info.key.isEmpty || info.signatureScheme == "hmac-sha256" else {
            throw .connectionFile(
                path: path, reason: "signature scheme '\(info.signatureScheme)' is not supported (only hmac-sha256)")
        }
        guard info.transport == "tcp" || info.transport == "ipc" else {
            throw .connectionFile(path: path, reason: "transport '\(info.transport)' is not supported (tcp or ipc)")
        }
        return info
    }

    /// Where a channel listens: `tcp://127.0.0.1:53794`, or `ipc://kernel-1-53794` for ipc.
    public func endpoint(_ channel: Channel) -> String {
        let port =
            switch channel {
            case .shell: shellPort
            case .iopub: iopubPort
            case .stdin: stdinPort
            case .control: controlPort
            case .heartbeat: heartbeatPort
            }
        return transport == "ipc" ? "ipc://\(ip)-\(port)" : "\(transport)://\(ip):\(port)"
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not JSON"
        }
    }
}

/// The kernel's five sockets, as the messaging protocol names them.
public enum Channel: String, Sendable, CaseIterable {
    /// Requests from every client: execute, complete, inspect...
    case shell
    /// Side effects broadcast to every client: status, outputs.
    case iopub
    /// Input the kernel asks for (pilot asks for none).
    case stdin
    /// Like shell, but never queued behind a running cell: interrupt, shutdown.
    case control
    /// Echoes pings, so clients know the kernel is alive.
    case heartbeat = "hb"
}
