import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// moto's server (the AWS emulator from PyPI's `moto[server]`) on a free loopback port, with
/// signature checking on: an IAM user with an allow-everything policy and an access key is made
/// while moto still accepts anything, then `/moto-api/reset-auth` turns authentication on, so
/// moto verifies the SigV4 signature of every later request (as INITIAL_NO_AUTH_ACTION_COUNT=0
/// would). The server runs under a small Python watchdog that ends it when this process ends,
/// however the tests end.
///
/// Tests that need it are enabled only when `PILOT_AWS_PYTHON` names a Python with moto and
/// boto3 (`scripts/test` sets it).
public final class MotoServer: @unchecked Sendable {
    /// The Python that has moto and boto3, when the environment names one.
    public static var python: String? {
        ProcessInfo.processInfo.environment["PILOT_AWS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One server for the whole test run, started at first use.
    public static let shared: Result<MotoServer, MotoError> = Result { () throws(MotoError) in try MotoServer() }

    /// A second server that checks no signatures, for what moto cannot verify: it recomputes S3
    /// signatures over the decoded path, so keys with non-ASCII or reserved characters fail
    /// there even from boto3.
    public static let unauthenticated: Result<MotoServer, MotoError> = Result { () throws(MotoError) in
        try MotoServer(authenticated: false)
    }

    public struct MotoError: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: UInt16
    public let accessKeyId: String
    public let secretAccessKey: String
    private let process: Process
    private let stdin: Pipe

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The environment a client needs to reach this server with the IAM user's keys.
    public var environment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": accessKeyId, "AWS_SECRET_ACCESS_KEY": secretAccessKey,
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint,
        ]
    }

    /// Starts a server; with `authenticated`, signatures are checked after the IAM user is made.
    public init(authenticated: Bool = true) throws(MotoError) {
        guard let python = Self.python else { throw MotoError(description: "PILOT_AWS_PYTHON is not set") }
        port = Self.freePort()
        process = Process()
        stdin = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.watchdog, String(port)]
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw MotoError(description: "cannot start \(python): \(error)") }
        guard Self.waitUntilListening(port: port, seconds: 60) else {
            throw MotoError(description: "moto's server did not start on port \(port)")
        }
        let keys = Self.run(
            python, arguments: ["-c", Self.setup, "http://127.0.0.1:\(port)", authenticated ? "0" : "inf"])
        let words = keys.split(separator: " ").map(String.init)
        guard words.count == 2 else { throw MotoError(description: "moto's IAM setup failed: \(keys)") }
        accessKeyId = words[0]
        secretAccessKey = words[1]
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Runs moto's server and ends it when the test process (its parent) is gone, or when
    /// standard input closes.
    private static let watchdog = """
        import os, signal, subprocess, sys, threading
        signal.pthread_sigmask(signal.SIG_SETMASK, [])  # the test process blocks SIGTERM; its children inherit that
        server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", sys.argv[1]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        parent = os.getppid()
        closed = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()
        while os.getppid() == parent and not closed.wait(0.5):
            pass
        server.kill()
        server.wait()
        """

    /// Makes the IAM user and key while moto accepts anything, then turns authentication on.
    private static let setup = """
        import json, sys, urllib.request, boto3
        url = sys.argv[1]
        iam = boto3.client("iam", endpoint_url=url, region_name="us-east-1",
                           aws_access_key_id="setup", aws_secret_access_key="setup")
        iam.create_user(UserName="pilot")
        iam.put_user_policy(UserName="pilot", PolicyName="everything", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="pilot")["AccessKey"]
        urllib.request.urlopen(urllib.request.Request(url + "/moto-api/reset-auth", data=sys.argv[2].encode(), method="POST",
                                                      headers={"Content-Type": "text/plain"}))
        print(key["AccessKeyId"], key["SecretAccessKey"])
        """

    /// A port nothing listens on now: bind port 0, read it, let it go.
    private static func freePort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, length)
                return getsockname(fd, $0, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Polls for a listening socket: moto takes a second or two to import.
    private static func waitUntilListening(port: UInt16, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return true }
            usleep(100_000)
        }
        return false
    }

    /// Runs a Python snippet; its standard output, trimmed.
    private static func run(_ python: String, arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return "\(error)" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
