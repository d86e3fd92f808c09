import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

/// `predict ENDPOINT|MODEL FRAME|"CSV ROW"... [into NAME]`.
struct Predict: CellCommand {
    static let configuration = CommandConfiguration(
        "predict", area: .serving,
        summary: "predict rows: through a deployed endpoint over HTTP, or with a model in process (batch transform)",
        discussion: """
            With an endpoint, the frame's rows (its columns in the model's order; the target, if there, \
            is left out) go to POST /invocations as text/csv in batches, or each quoted "CSV ROW" as one \
            row. With a model (EXP.best), the frame is predicted in process, as a batch transform job \
            would. Shows the predicted label and probability of the first rows; into NAME keeps the \
            frame with predicted_label (and probability) added.
            """,
        examples: [
            "predict bank-ep test",
            "predict bank-ep \"56,housemaid,married,basic.4y,no,no,no,telephone,may,mon,261,1,999,0,nonexistent,"
                + "1.1,93.994,-36.4,4.857,5191\"",
            "predict bank.best test into scored",
        ])

    @Argument(.text("ENDPOINT|MODEL", "an endpoint or a model").kind(.modelOrEndpoint)) var target: String
    @Argument(.frameOrRow.shown("FRAME|\"CSV ROW\"...")) var inputs: [QuotableWord]
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let quoted = inputs.filter(\.quoted).map(\.text)
        let inputs = self.inputs.map(\.text)
        let rowsGiven = !quoted.isEmpty
        if rowsGiven, quoted.count != inputs.count {
            throw Diagnostic(
                "predict takes either one frame or quoted rows, not both",
                hint: "e.g. predict \(target) test, or predict \(target) \"1,2,3\"")
        }
        if !rowsGiven, inputs.count != 1 {
            throw Diagnostic(
                "predict takes one frame (or quoted CSV rows)", hint: "e.g. predict \(target) \(inputs[0])")
        }
        if let endpoint = context.session.values[target] as? CloudEndpointValue {
            try CloudPrediction.run(endpoint, inputs: inputs, rows: rowsGiven, into: into, context: context)
        } else if let endpoint = context.session.values[target] as? EndpointValue {
            try Prediction.overHTTP(endpoint, inputs: inputs, rows: rowsGiven, into: into, context: context)
        } else if target.contains(".") {
            guard !rowsGiven else {
                throw Diagnostic(
                    "predict with a model takes a frame; quoted rows go to an endpoint",
                    hint: "deploy \(target) as NAME, then predict NAME \"...\"")
            }
            let (experiment, model) = try context.session.bestModel(target, command: "predict")
            try Prediction.inProcess(
                model, inputs: experiment.record.inputs, name: target, frame: inputs[0], into: into, context: context)
        } else {
            let names = context.session.endpoints.map(\.name)
            throw Diagnostic(
                "no endpoint named '\(target)'",
                hint: Suggestion.hint(for: target, in: names)
                    ?? (names.isEmpty
                        ? "deploy a model first (deploy EXP.best as \(target)), or predict with EXP.best in process"
                        : "endpoints: " + names.joined(separator: ", ")))
        }
    }
}
