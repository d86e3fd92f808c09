import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

/// `deploy MODEL [as NAME]`: serve a model over HTTP, as a SageMaker endpoint does.
struct Deploy: CellCommand {
    static let configuration = CommandConfiguration(
        "deploy", area: .serving, summary: "serve a model over HTTP on 127.0.0.1, as a SageMaker endpoint does",
        discussion: """
            The endpoint answers GET /ping, GET /execution-parameters and POST /invocations: text/csv \
            rows (no header, no target, in the training columns' order) or application/json \
            {"instances": [...]}; the response is CSV or JSON as Accept asks, with predicted_label, and \
            probability, probabilities or labels when keys= (or ?keys= on a request) asks. It also \
            answers SageMaker Runtime's POST /endpoints/NAME/invocations, as boto3's sagemaker-runtime \
            invoke_endpoint and aws sagemaker-runtime invoke-endpoint call it once \
            AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME points at the endpoint (deploy prints the export line; \
            request signatures are not checked). Without port=, the first free port from 8080. NAME \
            defaults to EXP-ep. The endpoint stops with cleanup NAME or when the session ends. A candidate of a \
            SageMaker experiment (autopilot ... backend=sagemaker) is deployed on SageMaker instead: a model of its \
            inference containers, an endpoint configuration (instance=, count=) and the endpoint, followed until it \
            is in service; it costs money until cleanup NAME deletes it.
            """,
        examples: [
            "deploy bank.best as bank-ep", "deploy bank.best as bank-ep port=8081 keys=predicted_label,probability",
        ],
        risk: "starts a web server on this machine, or a SageMaker endpoint that spends money in your AWS account")

    @Argument(.model) var model: String
    @Clause("as", .name) var name: String?
    @Option(.int(in: 0...65535), "the port to listen on (0: any free port; default: the first free from 8080)")
    var port: Int?
    @Option(
        .text("KEY,..."),
        "what responses hold by default: predicted_label, probability, probabilities, labels")
    var keys: String?

    @Option(.text("TYPE"), "a SageMaker experiment's endpoint: the instance type (ml.m5.large)") var instance: String?
    @Option(.int(in: 1...100), "a SageMaker experiment's endpoint: how many instances (1)") var count: Int?

    func run(in context: CommandContext) throws {
        if let dot = model.firstIndex(of: "."), let cloud = try context.session.cloudExperiment(String(model[..<dot])) {
            try CloudDeploy.run(
                cloud, candidate: String(model[model.index(after: dot)...]), model: model,
                as: name ?? "\(cloud.name)-ep", instance: instance ?? "ml.m5.large", count: count ?? 1,
                context: context)
            return
        }
        if instance != nil || count != nil {
            throw Diagnostic(
                "instance= and count= are for SageMaker experiments; \(model) is served on this machine",
                hint: "leave them out, or deploy a candidate of an experiment run with backend=sagemaker")
        }
        let (experiment, trained) = try context.session.bestModel(self.model, command: "deploy")
        let name = self.name ?? "\(experiment.name)-ep"
        if let existing = context.session.values[name] as? EndpointValue {
            throw Diagnostic(
                "endpoint '\(name)' is already running (\(existing.modelName) at \(existing.endpoint.url))",
                hint: "cleanup \(name) first, or deploy \(self.model) as another name")
        }
        let keys =
            try self.keys.map { text throws in try ResponseKey.list(text, for: experiment.problem) }
            ?? [.predictedLabel]
        guard let host = context.session.service((any EndpointHost).self) else {
            throw Diagnostic(
                "this session cannot serve models: it has no HTTP server", hint: "run the workbook with pilot run")
        }
        let served = try ServedModel(
            name: self.model, model: trained, inputs: experiment.record.inputs, defaultKeys: keys)
        let endpoint = try host.start(served, name: name, port: port)
        context.session.store(
            EndpointValue(
                name: name, modelName: self.model, experiment: experiment.name, served: served,
                endpoint: endpoint), as: name)
        let columns = experiment.record.inputs.columns.map(\.name)
        let shown =
            columns.count <= 5
            ? columns.joined(separator: ", ")
            : (columns.prefix(3) + ["...", columns.last!]).joined(separator: ", ")
        let others = ResponseKey.supported(by: experiment.problem).filter { !keys.contains($0) }.map(\.rawValue)
        var lines = [
            "deployed \(self.model) as endpoint '\(name)': \(endpoint.url)",
            "  takes POST /invocations: text/csv rows of \(columns.count) values (\(shown)) or JSON",
            "  answers \(keys.map(\.rawValue).joined(separator: ", "))"
                + (others.isEmpty ? "" : " (ask for \(others.joined(separator: ", ")) with ?keys=)"),
        ]
        lines = lines.map { $0.wrapped(to: context.width, indent: "    ") }
        // Never wrapped: it is pasted into a shell as it is.
        lines.append("  export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=\(endpoint.url)  # boto3 and the aws CLI")
        context.print(lines.joined(separator: "\n"))
    }
}
