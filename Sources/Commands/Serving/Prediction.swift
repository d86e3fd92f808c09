import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

/// What `predict` does: sends rows to an endpoint over HTTP, or predicts a frame in process (a
/// batch transform), then shows the first predictions and keeps them all when asked.
enum Prediction {
    /// Rows per request when a frame goes to an endpoint, well under its payload limit.
    static let rowsPerRequest = 1000

    /// The predicted label of each row and, for classes, its probability (P(positive) for binary).
    struct Results {
        var labels: [String] = []
        var values: [Double]? = nil
        var probabilities: [Double]? = nil
    }

    /// `predict ENDPOINT FRAME|"ROW"...`: the rows as text/csv to `POST /invocations`.
    static func overHTTP(
        _ endpoint: EndpointValue, inputs: [String], rows rowsGiven: Bool, into: String?,
        context: CommandContext
    ) throws {
        guard let host = context.session.service((any EndpointHost).self) else {
            throw Diagnostic(
                "this session cannot reach endpoints: it has no HTTP client", hint: "run the workbook with pilot run")
        }
        let served = endpoint.served
        var batches: [(start: Int, body: [UInt8])] = []
        var frame: Frame?
        if rowsGiven {
            batches = [(0, Array((inputs.joined(separator: "\n") + "\n").utf8))]
        } else {
            let selected = try requestColumns(
                of: inputs[0], columns: served.inputs.columns.map(\.name), model: served.name, context: context)
            frame = selected
            for start in stride(from: 0, to: selected.rowCount, by: rowsPerRequest) {
                let rows = selected.rows(start..<min(start + rowsPerRequest, selected.rowCount))
                batches.append((start, CSVWriter.bytes(of: rows, header: false)))
            }
        }
        let keys = served.problem == .regression ? "predicted_label" : "predicted_label,probability"
        var results = Results()
        for batch in batches {
            try context.checkInterruption()
            let request = EndpointRequest(
                path: "/invocations?keys=\(keys)", contentType: "text/csv", accept: "application/json",
                body: batch.body)
            let reply = try host.send(request, to: endpoint.endpoint.url)
            guard reply.status == 200 else {
                throw refusal(reply, endpoint: endpoint.name, offset: batch.start, source: rowsGiven ? nil : inputs[0])
            }
            try results.append(reply.body, from: endpoint.name)
        }
        let requests = batches.count
        try show(
            results,
            heading: "\(endpoint.name) predicted \(results.labels.count) row\(results.labels.count == 1 ? "" : "s") "
                + "in \(requests) request\(requests == 1 ? "" : "s")",
            classes: served.archive.target.classes, input: frame, into: into, origin: "predict \(endpoint.name)",
            context: context)
    }

    /// `predict EXP.best FRAME`: the model predicts the frame here, as a batch transform job.
    static func inProcess(
        _ model: TrainedModel, inputs: InputSchema, name: String, frame frameName: String, into: String?,
        context: CommandContext
    ) throws {
        let frame = try requestColumns(
            of: frameName, columns: inputs.columns.map(\.name), model: name, context: context)
        let predictions: Predictions
        do throws(AutopilotError) {
            predictions = try model.predict(frame)
        } catch {
            throw error
        }
        var results = Results(labels: predictions.labels)
        if let values = predictions.values {
            // A model predicts single-precision numbers: each is kept as its shortest decimal
            // (21.378136, as an endpoint answers), not widened to 21.378135681152344.
            results.values = values.map { Double("\($0)") ?? Double($0) }
            results.labels = values.map { "\($0)" }
        } else {
            results.probabilities = predictions.probabilities?.map(Double.init)
        }
        try show(
            results,
            heading:
                "\(name) predicted \(frame.rowCount) row\(frame.rowCount == 1 ? "" : "s") in process (batch transform)",
            classes: model.target?.classes ?? [], input: frame, into: into, origin: "predict \(name)", context: context)
    }

    /// The frame's columns that requests carry, in the model's order (others, such as the target, left out).
    static func requestColumns(
        of name: String, columns names: [String], model: String, context: CommandContext
    )
        throws -> Frame
    {
        let frame = try context.session.frame(name)
        if let missing = names.first(where: { frame.column(named: $0) == nil }) {
            throw Diagnostic(
                "frame '\(name)' has no column '\(missing)', which \(model) takes",
                hint: Suggestion.hint(for: missing, in: frame.columnNames)
                    ?? "\(model) takes " + names.joined(separator: ", "))
        }
        guard frame.rowCount > 0 else {
            throw Diagnostic("frame '\(name)' has no rows", hint: "load or filter rows into it first")
        }
        return frame.keeping(names)
    }

    /// An endpoint's 4xx as an error that names the row of the frame.
    private static func refusal(_ reply: EndpointReply, endpoint: String, offset: Int, source: String?) -> Diagnostic {
        let json = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any]
        var message = json?["error"] as? String ?? "HTTP \(reply.status): \(reply.text.prefix(200))"
        if let row = json?["row"] as? Int, let source {
            message = message.replacingOccurrences(of: "row \(row)", with: "row \(offset + row) of '\(source)'")
        }
        return Diagnostic(
            "endpoint '\(endpoint)' refused the rows: \(message)",
            hint: reply.status == 400 ? "fix that row and predict again" : "see help deploy for what an endpoint takes")
    }

    static func show(
        _ results: Results, heading: String, classes: [String], input: Frame?, into: String?,
        origin: String, context: CommandContext
    ) throws {
        var lines = [heading]
        let count = results.labels.count
        if let values = results.values {
            let mean = values.reduce(0, +) / Double(max(count, 1))
            lines.append(
                "  predicted_label: min \(NumberFormat.shortest(values.min() ?? .nan)), "
                    + "mean \(String(format: "%.4f", mean)), max \(NumberFormat.shortest(values.max() ?? .nan))")
        } else {
            var tally: [String: Int] = [:]
            for label in results.labels { tally[label, default: 0] += 1 }
            let order = classes + tally.keys.filter { !classes.contains($0) }.sorted()
            let parts = order.compactMap { label -> String? in
                guard let n = tally[label] else { return nil }
                return "\(label) \(n) (\(String(format: "%.1f", Double(n) * 100 / Double(max(count, 1))))%)"
            }
            lines.append("  predicted_label: " + parts.joined(separator: ", "))
        }
        let shown = min(count, max(1, context.session.integerSetting("rows")))
        var columns: [TextTable.Column] = [.init("row", alignment: .right), .init("predicted_label")]
        if results.probabilities != nil { columns.append(.init("probability", alignment: .right)) }
        let rows = (0..<shown).map { row -> [String] in
            var cells = [String(row + 1), results.labels[row]]
            if let p = results.probabilities { cells.append(String(format: "%.4f", p[row])) }
            return cells
        }
        lines.append(TextTable(columns: columns, rows: rows).render(maxWidth: context.width))
        if shown < count {
            lines.append(
                "(\(count - shown) more "
                    + "row\(count - shown == 1 ? "" : "s")\(into == nil ? ": into NAME keeps them all" : ""))"
            )
        }
        context.print(lines.joined(separator: "\n"))
        if let into {
            var columns = input?.columns ?? []
            columns.removeAll { $0.name == "predicted_label" || $0.name == "probability" }
            if let values = results.values {
                columns.append(Column(name: "predicted_label", data: .double(values)))
            } else {
                columns.append(Column(name: "predicted_label", data: .strings(results.labels.map { Optional($0) })))
            }
            if let p = results.probabilities { columns.append(Column(name: "probability", data: .double(p))) }
            context.keep(Frame(columns: columns), as: into, origin: origin)
        }
    }
}

extension Prediction.Results {
    /// Adds the predictions of one JSON response: `{"predictions": [{"predicted_label": ..., "probability": ...}]}`.
    mutating func append(_ body: [UInt8], from endpoint: String) throws {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
            let predictions = json["predictions"] as? [[String: Any]]
        else {
            throw Diagnostic(
                "endpoint '\(endpoint)' answered something that is not predictions: "
                    + "\(String(decoding: body.prefix(200), as: UTF8.self))",
                hint: "is a pilot endpoint listening at that URL?")
        }
        for prediction in predictions {
            switch prediction["predicted_label"] {
            case let label as String:
                labels.append(label)
            case let value as NSNumber:
                labels.append(NumberFormat.shortest(value.doubleValue))
                if values == nil { values = [] }
                values!.append(value.doubleValue)
            default:
                labels.append("")
            }
            if let p = prediction["probability"] as? NSNumber {
                if probabilities == nil { probabilities = [] }
                probabilities!.append(p.doubleValue)
            }
        }
    }
}
