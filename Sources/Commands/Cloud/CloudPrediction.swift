import Cloud
import Diagnostics
import Foundation
import Frames
import Kernel

/// `predict NAME FRAME|"ROW"...` through a SageMaker endpoint: SageMaker Runtime's
/// InvokeEndpoint with text/csv rows, in requests under its 6 MB payload limit.
enum CloudPrediction {
    /// Bytes of CSV per request, under InvokeEndpoint's 6 MB.
    static let bytesPerRequest = 5_000_000

    static func run(
        _ endpoint: CloudEndpointValue, inputs: [String], rows rowsGiven: Bool, into: String?,
        context: CommandContext
    ) throws {
        let cloud = try context.cloud()
        guard let experiment = try context.session.cloudExperiment(endpoint.experiment) else {
            throw Diagnostic(
                "endpoint '\(endpoint.name)' belongs to experiment '\(endpoint.experiment)', which is gone",
                hint: "cleanup \(endpoint.name), then deploy again")
        }
        var frame: Frame?
        // Pieces of CSV (a thousand rows, or one row), gathered into requests under the limit.
        var pieces: [[UInt8]]
        let rowCount: Int
        if rowsGiven {
            pieces = inputs.map { Array(($0 + "\n").utf8) }
            rowCount = inputs.count
        } else {
            let selected = try Prediction.requestColumns(
                of: inputs[0], columns: experiment.record.inputColumns, model: endpoint.modelName, context: context)
            frame = selected
            rowCount = selected.rowCount
            pieces = []
            for start in stride(from: 0, to: rowCount, by: 1000) {
                let rows = start..<min(start + 1000, rowCount)
                let chunk = CSVWriter.bytes(of: selected.rows(rows), header: false)
                pieces +=
                    chunk.count <= bytesPerRequest
                    ? [chunk] : rows.map { CSVWriter.bytes(of: selected.rows($0..<($0 + 1)), header: false) }
            }
        }
        var batches: [[UInt8]] = [[]]
        for piece in pieces {
            if !batches[batches.count - 1].isEmpty, batches[batches.count - 1].count + piece.count > bytesPerRequest {
                batches.append([])
            }
            batches[batches.count - 1] += piece
        }
        let numeric = (experiment.record.state?.problemType ?? experiment.record.request.problemType) == "Regression"
        var results = Prediction.Results()
        for (index, batch) in batches.enumerated() {
            try context.checkInterruption()
            context.live?.progress(
                "predict \(endpoint.name)", fraction: Double(index) / Double(batches.count), detail: "")
            let answer = try cloud.invokeEndpoint(
                endpoint.endpointName, csv: batch, accept: "text/csv", region: endpoint.region)
            endpoint.requestsSent += 1
            try results.appendCSV(answer, from: endpoint.name, numeric: numeric)
        }
        context.live?.endProgress()
        guard results.labels.count == rowCount else {
            throw Diagnostic(
                "endpoint '\(endpoint.name)' answered \(results.labels.count) predictions for \(rowCount) rows",
                hint: "send rows in the training columns' order: "
                    + experiment.record.inputColumns.joined(separator: ","))
        }
        let count = results.labels.count
        try Prediction.show(
            results,
            heading: "\(endpoint.name) (SageMaker) predicted \(count) row\(count == 1 ? "" : "s") in "
                + "\(batches.count) request\(batches.count == 1 ? "" : "s")",
            classes: [], input: frame, into: into, origin: "predict \(endpoint.name)", context: context)
    }
}

extension Prediction.Results {
    /// Adds the predictions of a text/csv answer: a line per row, `label` or `label,probability`.
    /// A regression's labels are numbers, kept as values too.
    mutating func appendCSV(_ body: [UInt8], from endpoint: String, numeric: Bool) throws {
        let text = String(decoding: body, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
            labels.append(fields[0])
            if numeric {
                if values == nil { values = [] }
                values!.append(Double(fields[0]) ?? .nan)
            }
            if fields.count > 1 {
                guard let p = Double(fields[1]) else {
                    throw Diagnostic(
                        "endpoint '\(endpoint)' answered '\(line.prefix(80))', not label,probability",
                        hint: "is the endpoint an Autopilot candidate?")
                }
                if probabilities == nil { probabilities = [] }
                probabilities!.append(p)
            }
        }
    }
}
