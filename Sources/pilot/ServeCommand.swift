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
            same contract as deploy. Ctrl-C (or SIGTERM) stops it.
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
            """
            What responses hold when a request does not ask (?keys=): predicted_label, probability, \
            probabilities, labels (default: SAGEMAKER_INFERENCE_OUTPUT, else predicted_label).
            """, valueName: "keys"))
    var keys: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535") }
    }

    func run() async throws {
        let terminal = Terminal.standard
        let environment = ProcessInfo.processInfo.environment
        let service: InferenceService
        do {
            let served = try ServedModel.stored(
                model, in: FileManager.default.currentDirectoryPath,
                keys: keys ?? environment["SAGEMAKER_INFERENCE_OUTPUT"])
            service = try InferenceService(served)
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
        let app = EndpointServer.application(service, host: host, port: port) { [host, model] bound in
            terminal.line("serving \(model) at http://\(host):\(bound) (POST /invocations, GET /ping); Ctrl-C stops")
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
