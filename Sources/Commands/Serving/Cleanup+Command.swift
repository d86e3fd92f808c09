import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

/// `cleanup NAME|experiment EXP|all`: stop endpoints, delete experiments.
struct CleanupCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "cleanup", area: .serving, summary: "stop an endpoint (or all of them), or delete an experiment's artifacts",
        discussion: """
            cleanup NAME stops endpoint NAME (a SageMaker endpoint is deleted with its configuration and \
            model); cleanup all stops every endpoint of the session and deletes the SageMaker endpoints \
            this workbook's experiments made. cleanup \
            experiment EXP stops EXP's endpoints and deletes the experiment from .pilot/ (its record and \
            model files) and the reports autopilot wrote in EXP/; it says what it would delete and asks \
            for confirm=yes first; for a SageMaker experiment it also stops the job when it runs.
            """,
        examples: ["cleanup bank-ep", "cleanup all", "cleanup experiment bank confirm=yes"],
        risk: "deletes an experiment's files")

    @Argument(
        .text("NAME", "an endpoint's name, experiment EXP, or all").kind(.endpoint)
            .shown("NAME|experiment EXP|all"))
    var words: [String]
    @Option(.flag, "go ahead with deleting an experiment", default: false, defaultText: "no") var confirm: Bool

    func risk() -> String? {
        words.first == "experiment" ? Self.configuration.risk : nil
    }

    func run(in context: CommandContext) throws {
        let session = context.session
        switch (words.first, words.count) {
        case ("experiment"?, 2):
            if let cloud = try session.cloudExperiment(words[1]) {
                try CloudCleanup.experiment(cloud, confirmed: confirm, context: context)
            } else {
                try Cleanup.experiment(words[1], confirmed: confirm, context: context)
            }
        case ("all"?, 1) where !(session.values["all"] is EndpointValue):
            let running = session.endpoints
            for endpoint in running { Cleanup.stop(endpoint, in: session) }
            let cloud = try CloudCleanup.all(context: context)
            if running.isEmpty, cloud.isEmpty {
                context.print("no endpoints running")
                return
            }
            var lines = cloud
            if !running.isEmpty {
                lines.insert(
                    "stopped \(running.count) endpoint\(running.count == 1 ? "" : "s"): "
                        + running.map(\.name).joined(separator: ", "), at: 0)
            }
            context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
        case (let name?, 1):
            if let (endpoint, region, experiment) = CloudCleanup.endpoint(named: name, in: session) {
                let said = try CloudCleanup.delete(
                    name, endpoint: endpoint, region: region, experiment: experiment, context: context)
                context.print(said.wrapped(to: context.width, indent: "    "))
                return
            }
            guard let endpoint = session.values[name] as? EndpointValue else {
                let names = session.endpoints.map(\.name)
                if let other = session.values[name] {
                    throw Diagnostic(
                        "'\(name)' is \(other.kind == "experiment" ? "an" : "a") \(other.kind), not an endpoint",
                        hint: other.kind == "experiment"
                            ? "cleanup experiment \(name) deletes an experiment"
                            : "cleanup stops endpoints; endpoints lists them")
                }
                throw Diagnostic(
                    "no endpoint named '\(name)'",
                    hint: Suggestion.hint(for: name, in: names)
                        ?? (names.isEmpty ? "no endpoints are running" : "endpoints: " + names.joined(separator: ", ")))
            }
            let requests = endpoint.endpoint.requestsServed
            Cleanup.stop(endpoint, in: session)
            context.print(
                ("stopped endpoint '\(name)' (\(endpoint.modelName), \(requests) request\(requests == 1 ? "" : "s") "
                    + "served)").wrapped(to: context.width, indent: "  "))
        default:
            throw Diagnostic(
                "cleanup takes an endpoint's name, experiment EXP, or all",
                hint: "usage: \(context.commands["cleanup"]?.synopsis ?? "cleanup NAME")")
        }
    }
}
