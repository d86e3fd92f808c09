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
        var lines: [[UInt8]]
        if rowsGiven {
            lines = inputs.map { Array(($0 + "\n").utf8) }
        } else {
            let source = try context.session.frame(inputs[0])
            let columns = experiment.record.inputColumns
            if let missing = columns.first(where: { source.column(named: $0) == nil }) {
                throw Diagnostic(
                    "frame '\(inputs[0])' has no column '\(missing)', which \(endpoint.modelName) takes",
                    hint: Suggestion.hint(for: missing, in: source.columnNames)
                        ?? "\(endpoint.modelName) takes " + columns.joined(separator: ", "))
            }
            guard source.rowCount > 0 else {
                throw Diagnostic("frame '\(inputs[0])' has no rows", hint: "load or filter rows into it first")
            }
            let selected = source.keeping(columns)
            frame = selected
            lines = (0..<selected.rowCount).map { CSVWriter.bytes(of: selected.rows($0..<($0 + 1)), header: false) }
        }
        var batches: [[UInt8]] = [[]]
        for line in lines {
            if !batches[batches.count - 1].isEmpty, batches[batches.count - 1].count + line.count > bytesPerRequest {
                batches.append([])
            }
            batches[batches.count - 1] += line
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
        guard results.labels.count == lines.count else {
            throw Diagnostic(
                "endpoint '\(endpoint.name)' answered \(results.labels.count) predictions for \(lines.count) rows",
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
