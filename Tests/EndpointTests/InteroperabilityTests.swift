import Serving
import Autopilot
import Endpoint
import Foundation
import Frames
import Kernel
import TestSupport
import Testing

/// A Python with xgboost and numpy: `PILOT_PYTHON`, else `bench/.venv` (made by `bench/setup`),
/// else `python3` on the PATH; nil when none has them.
enum PythonXGBoost {
    static let interpreter: String? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["PILOT_PYTHON"], repo.appendingPathComponent("bench/.venv/bin/python").path, "/usr/bin/python3",
                          "/usr/local/bin/python3"].compactMap { $0 }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            return (try? run(path, ["-c", "import xgboost, numpy"]))?.status == 0
        }
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Loads each member's booster file with Python's xgboost, predicts its transformed rows
    /// and averages the members with their weights, as the model does.
    static let script = """
    import json, sys
    import numpy as np
    import xgboost as xgb
    total, weights = None, 0.0
    for member in json.load(open(sys.argv[1])):
        booster = xgb.Booster(model_file=member["booster"])
        values = np.array(member["values"], dtype=np.float32).reshape(member["rows"], member["columns"])
        matrix = xgb.DMatrix(values, missing=np.nan, feature_types=member["kinds"], enable_categorical=True)
        scores = np.ravel(booster.predict(matrix, iteration_range=(0, member["rounds"]))).astype(np.float64)
        total = scores * member["weight"] if total is None else total + scores * member["weight"]
        weights += member["weight"]
    print(json.dumps([float(v) for v in total / weights]))
    """
}

@Suite("Endpoint, batch transform and Python's xgboost agree")
struct InteroperabilityTests {
    @Test("predictions agree to 1e-6: the endpoint over HTTP, batch transform, and Python loading the saved booster JSON",
          .enabled(if: PythonXGBoost.interpreter != nil,
                   "needs a Python with xgboost and numpy: scripts/test makes one, or run bench/setup, or set PILOT_PYTHON"),
          arguments: ["binary", "oneHot", "multiclass"])
    func agree(name: String) throws {
        let trained = ["binary": TestModel.binary, "oneHot": TestModel.oneHot, "multiclass": TestModel.multiclass][name]!
        let served = trained.served
        let members = served.archive.members
        #expect(members.count >= 5, "the best candidate is a bag of fold models")
        let frame = trained.test
        let columns = served.inputs.columns.map(\.name)
        let classes = max(served.archive.target.classes.count, 2)
        let perRow = served.problem == .multiclass ? classes : 1

        // Batch transform: the model in process.
        let batch = try trained.model().predict(frame)
        let batchScores = served.problem == .multiclass ? batch.classProbabilities! : batch.probabilities!

        // The endpoint, over HTTP.
        let host = HTTPEndpointHost(timeout: 10)
        let endpoint = try host.start(served, name: "exp-best", port: 0)
        defer { endpoint.stop() }
        let keys = served.problem == .multiclass ? "probabilities" : "probability"
        let reply = try host.send(EndpointRequest(path: "/invocations?keys=\(keys)", contentType: "text/csv", accept: "application/json",
                                                  body: frame.csvBody(columns: columns)), to: endpoint.url)
        #expect(reply.status == 200)
        let predictions = try #require((try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])?["predictions"] as? [[String: Any]])
        let endpointScores: [Double] = predictions.flatMap { p -> [Double] in
            if let all = p["probabilities"] as? [NSNumber] { return all.map(\.doubleValue) }
            return [(p["probability"] as! NSNumber).doubleValue]
        }

        // Python's xgboost, on the same transformed rows, member by member.
        var specs: [String] = []
        for member in members {
            let boosterPath = trained.folder.file(".pilot/exp/\(try #require(member.boosterFile))")
            #expect(FileManager.default.fileExists(atPath: boosterPath))
            let data = try member.pipeline.transform(frame)
            let values = data.values.map { $0.isNaN ? "NaN" : "\($0)" }.joined(separator: ", ")
            let kinds = data.kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            specs.append("""
                {"booster": "\(boosterPath)", "rows": \(data.rows), "columns": \(data.columns), "rounds": \(member.rounds ?? 0), \
                "weight": \(member.weight), "kinds": [\(kinds)], "values": [\(values)]}
                """)
        }
        let spec = "[" + specs.joined(separator: ",\n") + "]"
        let folder = ScratchFolder("interop")
        folder.write(spec, to: "spec.json")
        folder.write(PythonXGBoost.script, to: "predict.py")
        let python = try PythonXGBoost.run(PythonXGBoost.interpreter!, [folder.file("predict.py"), folder.file("spec.json")])
        #expect(python.status == 0)
        let pythonScores = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [Double])

        #expect(batchScores.count == frame.rowCount * perRow)
        #expect(endpointScores.count == batchScores.count)
        #expect(pythonScores.count == batchScores.count)
        let worstEndpoint = zip(endpointScores, batchScores).map { abs($0 - Double($1)) }.max() ?? .infinity
        let worstPython = zip(pythonScores, batchScores).map { abs($0 - Double($1)) }.max() ?? .infinity
        #expect(worstEndpoint <= 1e-6)
        #expect(worstPython <= 1e-6)
    }
}
