import Serving
import Commands
import Autopilot
import Endpoint
import Foundation
import Frames
@testable import Kernel
import TestSupport

/// Models trained once for the endpoint tests, through the kernel's `train` command on generated
/// data: a binary XGBoost model on native categories (`x1, x2, color`, plus an `id` column the
/// model leaves out but requests still carry), a multiclass one and a regression one.
final class TestModel: @unchecked Sendable {  // immutable once made; each test predicts with its own copies
    let served: ServedModel
    /// The folder holding `.pilot/` with the model's files.
    let folder: ScratchFolder
    /// Rows the model did not train on, with the target.
    let test: Frame

    init(csv: String, target: String, options: String) {
        folder = ScratchFolder("endpoint-model")
        folder.write(csv, to: "data.csv")
        let session = Session(workingDirectory: folder.path)
        let result = Kernel.standard.run(cell: """
            load data.csv as data
            split data into train test seed=1
            train train target=\(target) \(options) seed=1 as exp
            """, in: session)
        precondition(result.status == .ok, "training failed: \(result.blocks)")
        let experiment = session.values["exp"] as! ExperimentValue
        served = try! ServedModel(name: "exp.best", model: experiment.model!, inputs: experiment.record.inputs)
        test = (session.values["test"] as! FrameValue).frame
    }

    /// A copy of the model of its own, for predicting in process.
    func model() -> TrainedModel {
        try! served.archive.restore { name throws(AutopilotError) in served.files[name]! }
    }

    /// The service with these default keys.
    func service(keys: [ResponseKey] = [.predictedLabel]) -> InferenceService {
        var served = served
        served.defaultKeys = keys
        return try! InferenceService(served)
    }

    static let binary = TestModel(csv: GeneratedData.binaryCSV(rows: 400, seed: 3, withID: true), target: "y",
                                  options: "algorithm=xgboost pipeline=dpp0 num_round=30")
    static let oneHot = TestModel(csv: GeneratedData.binaryCSV(rows: 300, seed: 4), target: "y",
                                  options: "algorithm=xgboost pipeline=dpp1 num_round=20")
    static let multiclass = TestModel(csv: generated(rows: 300, seed: 5) { x1, x2, _ in x1 + x2 < -0.5 ? "low" : x1 + x2 < 0.8 ? "mid" : "high" },
                                      target: "y", options: "algorithm=xgboost pipeline=dpp0 num_round=20")
    static let regression = TestModel(csv: generated(rows: 300, seed: 6) { x1, x2, color in String(2 * x1 - x2 + (color == "red" ? 1.5 : 0)) },
                                      target: "y", options: "algorithm=xgboost pipeline=dpp0 num_round=20")

    /// `x1,x2,color,y` with `y` from `label`.
    static func generated(rows: Int, seed: UInt64, label: (Double, Double, String) -> String) -> String {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var csv = "x1,x2,color,y\n"
        for row in 0..<rows {
            let x1 = next() * 4 - 2, x2 = next() * 4 - 2
            let color = ["red", "green", "blue"][row % 3]
            csv += "\(x1),\(x2),\(color),\(label(x1, x2, color))\n"
        }
        return csv
    }
}

extension Frame {
    /// Rows as an endpoint's text/csv body: no header, the given columns in order.
    func csvBody(columns: [String], rows: Range<Int>? = nil) -> [UInt8] {
        var frame = keeping(columns)
        if let rows { frame = frame.rows(rows) }
        return CSVWriter.bytes(of: frame, header: false)
    }
}
