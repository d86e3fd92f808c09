import Foundation
import TestSupport

/// jupyter_client driving the built `pilot` kernel, as JupyterLab and nbclient do.
///
/// Each harness has a scratch folder with its own Jupyter folders (`JUPYTER_PATH`,
/// `JUPYTER_DATA_DIR`, `JUPYTER_CONFIG_DIR`, `JUPYTER_RUNTIME_DIR`), so tests never touch the
/// user's, and the pilot kernelspec installed there with `pilot kernel install --prefix`.
/// Scenarios are in `Fixtures/drive_kernel.py`; each prints what it saw as JSON.
final class JupyterHarness {
    /// A Python with jupyter_client and nbclient: `PILOT_JUPYTER_PYTHON` (scripts/test makes one).
    static let python: String? = {
        guard let python = ProcessInfo.processInfo.environment["PILOT_JUPYTER_PYTHON"], !python.isEmpty else {
            return nil
        }
        return python
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let folder = ScratchFolder("jupyter")
    /// Where `pilot kernel install --prefix` put the kernelspec (`PREFIX/share/jupyter/kernels/pilot`).
    var prefix: String { folder.file("prefix") }
    /// Where cells run: the notebook's folder.
    var work: String { folder.file("work") }

    /// A harness with the kernel installed and `data.csv` (300 generated rows) in the work folder.
    init(rows: Int = 300) throws {
        folder.write(GeneratedData.binaryCSV(rows: rows, seed: 3), to: "work/data.csv")
        let install = try run(PilotBinary.path, ["kernel", "install", "--prefix", prefix])
        guard install.status == 0 else { throw HarnessError(text: install.stdout + install.stderr) }
    }

    /// The environment of every process the harness starts.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["JUPYTER_PATH"] = prefix + "/share/jupyter"
        environment["JUPYTER_DATA_DIR"] = folder.file("jupyter-data")
        environment["JUPYTER_CONFIG_DIR"] = folder.file("jupyter-config")
        environment["JUPYTER_RUNTIME_DIR"] = folder.file("jupyter-runtime")
        environment["JUPYTER_PLATFORM_DIRS"] = "1"
        environment["PILOT_BINARY"] = PilotBinary.path
        environment["PILOT_TRUST_STORE"] = folder.file("trusted")
        environment["NO_COLOR"] = "1"
        environment["OMP_WAIT_POLICY"] = environment["OMP_WAIT_POLICY"] ?? "PASSIVE"
        return environment
    }

    /// Runs a program in the work folder with the harness's environment.
    func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        return try ChildProcess.run(executable, arguments, in: work, environment: environment)
    }

    /// Runs a scenario of `drive_kernel.py` and returns what it printed, decoded.
    func scenario(_ name: String, _ arguments: String...) throws -> [String: Any] {
        guard let python = Self.python else { throw HarnessError(text: "no PILOT_JUPYTER_PYTHON") }
        let script = Self.fixtures.appendingPathComponent("drive_kernel.py").path
        let result = try run(python, [script, name] + arguments)
        guard result.status == 0,
            let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else { throw HarnessError(text: "scenario \(name) failed (\(result.status)):\n\(result.stderr)") }
        return object
    }

    struct HarnessError: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }
}

/// Reading the JSON a scenario printed.
extension Dictionary where Key == String, Value == Any {
    subscript(object key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    subscript(list key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    subscript(string key: String) -> String? { self[key] as? String }
    /// Text as notebooks store it: a string, or a list of lines.
    subscript(text key: String) -> String? { self[key] as? String ?? (self[key] as? [String])?.joined() }
}

/// What one executed cell showed: its iopub messages and its reply.
struct CellRun {
    var iopub: [[String: Any]]
    var reply: [String: Any]

    init(_ json: [String: Any]) {
        iopub = json[list: "iopub"]
        reply = json[object: "reply"]
    }

    /// The types of the iopub messages, in order.
    var types: [String] { iopub.compactMap { $0[string: "type"] } }

    /// The contents of the messages of one type.
    func contents(_ type: String) -> [[String: Any]] {
        iopub.filter { $0[string: "type"] == type }.map { $0[object: "content"] }
    }

    /// The `text/plain` of the display data but plots and live progress (which has a display
    /// id), joined: what the workbook would store.
    var text: String {
        contents("display_data")
            .filter { $0[object: "data"]["image/svg+xml"] == nil && $0[object: "transient"]["display_id"] == nil }
            .compactMap { $0[object: "data"][string: "text/plain"] }.joined()
    }
}
