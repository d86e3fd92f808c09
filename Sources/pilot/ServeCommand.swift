import ArgumentParser
import Diagnostics
import Endpoint
import Foundation
import Serving
import Shell

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a trained model over HTTP, as a SageMaker inference container does.",
        discussion: """
            Run it in the folder that holds the experiment store (.pilot/, beside the workbook that ran \
            autopilot). The server answers GET /ping, GET /execution-parameters and POST /invocations \
            (text/csv rows without header or target, or application/json {"instances": [...]}), the \
            same contract as deploy, and SageMaker Runtime's POST /endpoints/NAME/invocations: boto3's \
            sagemaker-runtime client and the aws CLI reach it with \
            AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://HOST:PORT (request signatures are not checked). \
            Ctrl-C (or SIGTERM) stops it.
            """
    )

    @Argument(help: ArgumentHelp("The model to serve: EXP.best.", valueName: "model"))
    var model: String

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = defaultPort

    @Option(help: "The address to listen on; 127.0.0.1 keeps the endpoint to this machine.")
    var host: String = "127.0.0.1"

    @Option(
        help: ArgumentHelp(
            "The endpoint's name, SageMaker Runtime's EndpointName (default: the model with . as -, e.g. bank-best).",
            valueName: "name"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            """
            What responses hold when a request does not ask (?keys=): predicted_label, probability, \
            probabilities, labels (default: SAGEMAKER_INFERENCE_OUTPUT, else predicted_label).
            """, valueName: "keys"))
    var keys: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535") }
        if let name, name.isEmpty || name.contains("/") {
            throw ValidationError("--name takes an endpoint name without '/', e.g. bank-ep")
        }
    }

    func run() async throws {
        let terminal = Terminal.standard
        let environment = ProcessInfo.processInfo.environment
        let service: InferenceService
        do {
            let served = try ServedModel.stored(
                model, in: FileManager.default.currentDirectoryPath,
                keys: keys ?? environment["SAGEMAKER_INFERENCE_OUTPUT"])
            service = try InferenceService(served, endpointName: name)
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        let app = EndpointServer.application(service, host: host, port: port) { [host, model] bound in
            let name = service.endpointName
            terminal.line(
                "serving \(model) at http://\(host):\(bound) as endpoint '\(name)' (POST /invocations, "
                    + "POST /endpoints/\(name)/invocations, GET /ping); Ctrl-C stops")
            terminal.line("export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://\(host):\(bound)  # boto3 and the aws CLI")
        }
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            terminal.error(EndpointServer.bindError(error, host: host, port: port))
            throw ExitCode.failure
        }
        let served = service.requestsServed
        terminal.line("stopped after \(served) request\(served == 1 ? "" : "s")")
    }
}
