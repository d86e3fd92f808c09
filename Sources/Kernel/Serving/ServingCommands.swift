import Autopilot
import Foundation
import Frames
import TextLayout

/// `deploy`, `endpoints`, `predict` and `cleanup`: the tutorial's steps 6 to 8.
enum ServingCommands {
    static let all: [Command] = [deploy, endpoints, predict, cleanup]

    static let deploy = Command(
        "deploy", area: .serving, usage: "deploy MODEL [as NAME] [port=N] [keys=KEY,...]",
        summary: "serve a model over HTTP on 127.0.0.1, as a SageMaker endpoint does",
        discussion: """
        The endpoint answers GET /ping, GET /execution-parameters and POST /invocations: text/csv \
        rows (no header, no target, in the training columns' order) or application/json \
        {"instances": [...]}; the response is CSV or JSON as Accept asks, with predicted_label, and \
        probability, probabilities or labels when keys= (or ?keys= on a request) asks. Without port=, \
        the first free port from 8080. NAME defaults to EXP-ep. The endpoint stops with cleanup NAME \
        or when the session ends.
        """,
        options: [
            .init("port", "N", "the port to listen on (0: any free port; default: the first free from 8080)"),
            .init("keys", "KEY,...", "what responses hold by default: predicted_label, probability, probabilities, labels"),
        ],
        examples: ["deploy bank.best as bank-ep", "deploy bank.best as bank-ep port=8081 keys=predicted_label,probability"],
        risk: { _ in "starts a web server on this machine" }
    ) { line, context throws(KernelError) in
        let (words, alias) = try line.trailing("as", in: line.words)
        guard words.count == 1 else { throw context.commands["deploy"]!.usageError("deploy takes one model, e.g. bank.best") }
        let (experiment, model) = try context.session.bestModel(words[0], command: "deploy")
        let name = alias ?? "\(experiment.name)-ep"
        if let existing = context.session.values[name] as? EndpointValue {
            throw KernelError("endpoint '\(name)' is already running (\(existing.modelName) at \(existing.endpoint.url))",
                              hint: "cleanup \(name) first, or deploy \(words[0]) as another name")
        }
        let port = try line.intOption("port", in: 0...65535)
        let keys = try line.option("keys").map { text throws(KernelError) in try ResponseKey.list(text, for: experiment.problem) }
            ?? [.predictedLabel]
        guard let host = context.session.endpointHost else {
            throw KernelError("this session cannot serve models: it has no HTTP server", hint: "run the workbook with pilot run")
        }
        let served = try ServedModel(name: words[0], model: model, inputs: experiment.record.inputs, defaultKeys: keys)
        let endpoint = try host.start(served, port: port)
        context.session.store(EndpointValue(name: name, modelName: words[0], experiment: experiment.name, served: served,
                                            endpoint: endpoint), as: name)
        let columns = experiment.record.inputs.columns.map(\.name)
        let shown = columns.count <= 5 ? columns.joined(separator: ", ")
            : (columns.prefix(3) + ["...", columns.last!]).joined(separator: ", ")
        let others = ResponseKey.supported(by: experiment.problem).filter { !keys.contains($0) }.map(\.rawValue)
        var lines = [
            "deployed \(words[0]) as endpoint '\(name)': \(endpoint.url)",
            "  takes POST /invocations: text/csv rows of \(columns.count) values (\(shown)) or JSON",
            "  answers \(keys.map(\.rawValue).joined(separator: ", "))"
                + (others.isEmpty ? "" : " (ask for \(others.joined(separator: ", ")) with ?keys=)"),
        ]
        lines = lines.map { $0.wrapped(to: context.width, indent: "    ") }
        context.print(lines.joined(separator: "\n"))
    }

    static let endpoints = Command(
        "endpoints", area: .serving, usage: "endpoints",
        summary: "list the running endpoints: name, model, URL and requests served",
        examples: ["endpoints"]
    ) { line, context throws(KernelError) in
        guard line.arguments.isEmpty else { throw context.commands["endpoints"]!.usageError("endpoints takes no arguments") }
        let running = context.session.endpoints
        guard !running.isEmpty else {
            context.print("no endpoints running: deploy MODEL as NAME starts one")
            return
        }
        let rows = running.map { [$0.name, $0.modelName, $0.endpoint.url, String($0.endpoint.requestsServed)] }
        context.print(TextTable(columns: [.init("endpoint"), .init("model"), .init("url"), .init("requests", alignment: .right)],
                                rows: rows).render(maxWidth: context.width))
    }

    static let predict = Command(
        "predict", area: .serving, usage: "predict ENDPOINT|MODEL FRAME|\"CSV ROW\"... [into NAME]",
        summary: "predict rows: through a deployed endpoint over HTTP, or with a model in process (batch transform)",
        discussion: """
        With an endpoint, the frame's rows (its columns in the model's order; the target, if there, \
        is left out) go to POST /invocations as text/csv in batches, or each quoted "CSV ROW" as one \
        row. With a model (EXP.best), the frame is predicted in process, as a batch transform job \
        would. Shows the predicted label and probability of the first rows; into NAME keeps the \
        frame with predicted_label (and probability) added.
        """,
        examples: ["predict bank-ep test", "predict bank-ep \"56,housemaid,married,basic.4y,no,no,no,telephone,may,mon,261,1,999,0,nonexistent,1.1,93.994,-36.4,4.857,5191\"",
                   "predict bank.best test into scored"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count >= 2 else {
            throw context.commands["predict"]!.usageError("predict takes an endpoint or a model, then a frame or quoted rows")
        }
        let quoted = line.arguments.dropFirst().compactMap { located -> String? in
            if case .word(let word, true) = located.argument { word } else { nil }
        }
        let target = words[0]
        let inputs = Array(words.dropFirst())
        let rowsGiven = !quoted.isEmpty
        if rowsGiven, quoted.count != inputs.count {
            throw KernelError("predict takes either one frame or quoted rows, not both",
                              hint: "e.g. predict \(target) test, or predict \(target) \"1,2,3\"")
        }
        if !rowsGiven, inputs.count != 1 {
            throw KernelError("predict takes one frame (or quoted CSV rows)", hint: "e.g. predict \(target) \(inputs[0])")
        }
        if let endpoint = context.session.values[target] as? EndpointValue {
            try Prediction.overHTTP(endpoint, inputs: inputs, rows: rowsGiven, into: into, context: context)
        } else if target.contains(".") {
            guard !rowsGiven else {
                throw KernelError("predict with a model takes a frame; quoted rows go to an endpoint",
                                  hint: "deploy \(target) as NAME, then predict NAME \"...\"")
            }
            let (experiment, model) = try context.session.bestModel(target, command: "predict")
            try Prediction.inProcess(model, inputs: experiment.record.inputs, name: target, frame: inputs[0], into: into, context: context)
        } else {
            let names = context.session.endpoints.map(\.name)
            throw KernelError("no endpoint named '\(target)'",
                              hint: Suggestion.hint(for: target, in: names)
                                ?? (names.isEmpty ? "deploy a model first (deploy EXP.best as \(target)), or predict with EXP.best in process"
                                                  : "endpoints: " + names.joined(separator: ", ")))
        }
    }

    static let cleanup = Command(
        "cleanup", area: .serving, usage: "cleanup NAME|experiment EXP|all",
        summary: "stop an endpoint (or all of them), or delete an experiment's artifacts",
        discussion: """
        cleanup NAME stops endpoint NAME; cleanup all stops every endpoint of the session. cleanup \
        experiment EXP stops EXP's endpoints and deletes the experiment from .pilot/ (its record and \
        model files) and the reports autopilot wrote in EXP/; it says what it would delete and asks \
        for confirm=yes first.
        """,
        options: [.init("confirm", "yes", "go ahead with deleting an experiment")],
        examples: ["cleanup bank-ep", "cleanup all", "cleanup experiment bank confirm=yes"],
        risk: { line in line.words.first == "experiment" ? "deletes an experiment's files" : nil }
    ) { line, context throws(KernelError) in
        let words = line.words
        let session = context.session
        switch (words.first, words.count) {
        case ("experiment"?, 2):
            try Cleanup.experiment(words[1], confirmed: try line.flagOption("confirm") ?? false, context: context)
        case ("all"?, 1) where !(session.values["all"] is EndpointValue):
            let running = session.endpoints
            for endpoint in running { Cleanup.stop(endpoint, in: session) }
            context.print(running.isEmpty ? "no endpoints running"
                : "stopped \(running.count) endpoint\(running.count == 1 ? "" : "s"): " + running.map(\.name).joined(separator: ", "))
        case (let name?, 1):
            guard let endpoint = session.values[name] as? EndpointValue else {
                let names = session.endpoints.map(\.name)
                if let other = session.values[name] {
                    throw KernelError("'\(name)' is \(other.kind == "experiment" ? "an" : "a") \(other.kind), not an endpoint",
                                      hint: other.kind == "experiment" ? "cleanup experiment \(name) deletes an experiment"
                                        : "cleanup stops endpoints; endpoints lists them")
                }
                throw KernelError("no endpoint named '\(name)'",
                                  hint: Suggestion.hint(for: name, in: names)
                                    ?? (names.isEmpty ? "no endpoints are running" : "endpoints: " + names.joined(separator: ", ")))
            }
            let requests = endpoint.endpoint.requestsServed
            Cleanup.stop(endpoint, in: session)
            context.print("stopped endpoint '\(name)' (\(endpoint.modelName), \(requests) request\(requests == 1 ? "" : "s") served)")
        default:
            throw context.commands["cleanup"]!.usageError("cleanup takes an endpoint's name, experiment EXP, or all")
        }
    }
}

extension Session {
    /// The running endpoints, by name.
    var endpoints: [EndpointValue] {
        values.values.compactMap { $0 as? EndpointValue }.sorted { $0.name < $1.name }
    }

    /// The model of `EXP.best` (only the best candidate's model is kept).
    func bestModel(_ reference: String, command: String) throws(KernelError) -> (ExperimentValue, TrainedModel) {
        let (experiment, candidate) = try candidate(reference)
        guard candidate.name == experiment.best?.name, let model = experiment.model else {
            throw KernelError("only the best candidate's model is kept", hint: "\(command) \(experiment.name).best")
        }
        return (experiment, model)
    }
}
