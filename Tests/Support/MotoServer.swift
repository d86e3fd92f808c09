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
/// The server is moto's as patched by pilotbook's SageMaker emulator
/// (`Tests/Support/Emulator/pilot_emulator.py`, whose header says what it fakes): AutoML V2 jobs
/// that move one step per describe, `ListCandidatesForAutoMLJob`, endpoints that go through
/// `Creating`, recorded SageMaker requests, and fault control routes (see the emulator helpers
/// below: ``control(_:body:)``, ``recordedRequests(operation:containing:)``, ``runBoto3(_:)``,
/// ``validateRecordedRequests(operation:containing:)``).
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
        process.arguments = ["-c", Self.watchdog, String(port), Self.emulatorDirectory + "/pilot_emulator.py"]
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

    /// The folder of the emulator's Python files (`pilot_emulator.py`, `validate_requests.py`,
    /// `run_boto3.py`), found from this source file.
    public static let emulatorDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Emulator").path

    /// Runs the emulator (moto's server with pilotbook's patches, started as `python -m
    /// moto.server -H HOST -p PORT` would be) and ends it when the test process (its parent) is
    /// gone, or when standard input closes.
    private static let watchdog = """
        import os, signal, subprocess, sys, threading
        signal.pthread_sigmask(signal.SIG_SETMASK, [])  # the test process blocks SIGTERM; its children inherit that
        server = subprocess.Popen([sys.executable, sys.argv[2], "-H", "127.0.0.1", "-p", sys.argv[1]],
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

// MARK: - The emulator's helpers

extension MotoServer {
    /// An HTTP answer from the server.
    public struct HTTPAnswer: Sendable {
        public var status: Int
        public var body: String
    }

    /// A plain, unsigned HTTP/1.0 request to the server (for `/moto-api/` and `/pilot-emulator/`
    /// routes, which check no signature).
    public func http(_ method: String, _ path: String, body: String = "") throws(MotoError) -> HTTPAnswer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw MotoError(description: "no socket for \(method) \(path)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw MotoError(description: "cannot connect to \(endpoint) for \(path)") }
        let payload = Array(body.utf8)
        let head =
            "\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
        let request = Array(head.utf8) + payload
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw MotoError(description: "\(method) \(path): the connection closed") }
            sent += count
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        let text = String(decoding: answer, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n"),
            let status = text[..<split.lowerBound].split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw MotoError(description: "\(method) \(path): not an HTTP answer: \(text.prefix(200))") }
        return HTTPAnswer(status: status, body: String(text[split.upperBound...]))
    }

    /// POSTs `body` (a JSON object, or plain text for the route's first field) to the emulator's
    /// control route `/pilot-emulator/ROUTE`: `fail-next-job`, `fail-next-endpoint`, `throttle`,
    /// `reset`. Throws when the route answers an error. Returns the answer's body.
    @discardableResult
    public func control(_ route: String, body: String = "") throws(MotoError) -> String {
        let answer = try http("POST", "/pilot-emulator/\(route)", body: body)
        guard answer.status == 200 else {
            throw MotoError(description: "emulator route \(route) answered \(answer.status): \(answer.body)")
        }
        return answer.body
    }

    /// The next AutoML job created (whose name contains `nameContains`, when given) ends
    /// `Failed` with `reason` after `AnalyzingData`.
    public func failNextJob(reason: String, nameContains: String? = nil) throws(MotoError) {
        try control("fail-next-job", body: Self.json(["FailureReason": reason, "NameContains": nameContains]))
    }

    /// The next endpoint created (whose name contains `nameContains`, when given) ends `Failed`
    /// with `reason` after `Creating`.
    public func failNextEndpoint(reason: String, nameContains: String? = nil) throws(MotoError) {
        try control("fail-next-endpoint", body: Self.json(["FailureReason": reason, "NameContains": nameContains]))
    }

    /// The next `count` SageMaker / SageMaker Runtime requests (of `operation`, whose body or
    /// path contains `containing`, when given) answer 400 `ThrottlingException`. AWSClient tries
    /// 4 times: a count under 4 is absorbed by its retries.
    public func throttle(count: Int, operation: String? = nil, containing: String? = nil) throws(MotoError) {
        try control(
            "throttle", body: Self.json(["Count": count, "Operation": operation, "Contains": containing]))
    }

    /// Forgets the recorded requests and pending faults (moto's state stays). Other suites share
    /// the server: prefer filtering requests by a name only your test uses.
    public func resetEmulator() throws(MotoError) {
        try control("reset")
    }

    /// The SageMaker and SageMaker Runtime requests received so far, oldest first: each has
    /// `index` (Int), `service` (`sagemaker` or `sagemaker-runtime`), `operation`
    /// (`CreateAutoMLJobV2`, `InvokeEndpoint`, ...), `params` (the request's members as botocore
    /// names them; InvokeEndpoint's `Body` as text), `status` (the HTTP status answered) and
    /// `throttled` (Bool). `containing` keeps those whose params' JSON contains the text.
    public func recordedRequests(
        operation: String? = nil, containing: String? = nil
    ) throws(MotoError)
        -> [[String: Any]]
    {
        var query: [String] = []
        if let operation { query.append("operation=\(Self.queryEncoded(operation))") }
        if let containing { query.append("contains=\(Self.queryEncoded(containing))") }
        let answer = try http(
            "GET", "/pilot-emulator/requests" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
        guard answer.status == 200,
            let document = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) as? [String: Any],
            let requests = document["requests"] as? [[String: Any]]
        else { throw MotoError(description: "the emulator's requests answered \(answer.status): \(answer.body)") }
        return requests
    }

    /// Runs `snippet` (Python) with boto3 clients for this server signed with the IAM user's
    /// keys: `s3`, `iam`, `sts`, `sagemaker`, `runtime`, and `url`, `json`, `moto_api(path,
    /// document)`, `control(route, document)`, `trust_policy(service)` (see
    /// `Emulator/run_boto3.py`). Returns what it printed, trimmed; throws with its error output
    /// when it fails.
    ///
    /// ```swift
    /// try server.runBoto3("""
    ///     s3.create_bucket(Bucket="pilot-data")
    ///     iam.create_role(RoleName="pilot", AssumeRolePolicyDocument=trust_policy())
    ///     """)
    /// ```
    @discardableResult
    public func runBoto3(_ snippet: String) throws(MotoError) -> String {
        let result = try runPython([Self.emulatorDirectory + "/run_boto3.py", snippet])
        guard result.status == 0 else {
            throw MotoError(
                description: "the boto3 snippet failed (\(result.status)): \(result.errors)\(result.output)")
        }
        return result.output
    }

    /// Queues InvokeEndpoint answers through moto's endpoint-results API: each InvokeEndpoint
    /// with a body (or Accept) not seen before takes the next one; the same request again gets
    /// the same answer; with the queue empty the answer is `body`.
    public func setEndpointResults(_ bodies: [String], contentType: String = "text/csv") throws(MotoError) {
        let results = bodies.map { ["Body": $0, "ContentType": contentType, "InvokedProductionVariant": "AllTraffic"] }
        let answer = try http(
            "POST", "/moto-api/static/sagemaker/endpoint-results",
            body: Self.json(["account_id": "123456789012", "region": "us-east-1", "results": results]))
        guard (200..<300).contains(answer.status) else {
            throw MotoError(description: "endpoint-results answered \(answer.status): \(answer.body)")
        }
    }

    /// Sets InvokeEndpoint's answers for `endpoint` only (the emulator's endpoint-answers route):
    /// each new request body takes the next answer, the same body again gets the same one. Unlike
    /// ``setEndpointResults(_:contentType:)``, tests running side by side cannot take each other's.
    public func setEndpointAnswers(
        _ answers: [String], endpoint: String, contentType: String = "text/csv"
    )
        throws(MotoError)
    {
        try control(
            "endpoint-answers",
            body: Self.json(["EndpointName": endpoint, "Answers": answers, "ContentType": contentType]))
    }

    /// Checks the recorded requests (those of `operation`, containing `containing`, when given)
    /// against botocore's service model (`Emulator/validate_requests.py`). Returns the
    /// validator's summary when every request is valid; throws a MotoError whose description
    /// lists each problem (`OPERATION #INDEX FIELD: MESSAGE`) when one is not.
    @discardableResult
    public func validateRecordedRequests(
        operation: String? = nil, containing: String? = nil
    ) throws(MotoError)
        -> String
    {
        var arguments = [Self.emulatorDirectory + "/validate_requests.py", endpoint]
        if let operation { arguments += ["--operation", operation] }
        if let containing { arguments += ["--contains", containing] }
        let result = try runPython(arguments)
        guard result.status == 0 else {
            throw MotoError(description: "requests not valid for botocore's model:\n\(result.output)\(result.errors)")
        }
        return result.output
    }

    /// Runs the AWS Python with `arguments` and this server's environment; its exit status,
    /// standard output (trimmed) and error output.
    public func runPython(_ arguments: [String]) throws(MotoError) -> (status: Int32, output: String, errors: String) {
        guard let python = Self.python else { throw MotoError(description: "PILOT_AWS_PYTHON is not set") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        variables["AWS_CONFIG_FILE"] = "/nonexistent"
        variables["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent"
        variables.removeValue(forKey: "AWS_PROFILE")
        process.environment = variables
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-boto3-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch { throw MotoError(description: "cannot make \(folder.path): \(error)") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("out")
        let errorsURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        do {
            let output = try FileHandle(forWritingTo: outputURL)
            let errors = try FileHandle(forWritingTo: errorsURL)
            defer {
                try? output.close()
                try? errors.close()
            }
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        } catch { throw MotoError(description: "cannot run \(python): \(error)") }
        let read = { (url: URL) in
            String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (process.terminationStatus, read(outputURL), read(errorsURL))
    }

    /// A JSON object of the non-nil values.
    static func json(_ object: [String: Any?]) -> String {
        let present = object.compactMapValues { $0 }
        guard let data = try? JSONSerialization.data(withJSONObject: present, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func queryEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
