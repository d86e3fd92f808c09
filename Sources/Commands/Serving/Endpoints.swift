import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

/// `endpoints`: what is being served.
struct Endpoints: CellCommand {
    static let configuration = CommandConfiguration(
        "endpoints", area: .serving, summary: "list the running endpoints: name, model, URL and requests served",
        examples: ["endpoints"])

    func run(in context: CommandContext) throws {
        let running = context.session.endpoints
        let cloud = context.session.cloudEndpoints
        guard !running.isEmpty || !cloud.isEmpty else {
            context.print("no endpoints running: deploy MODEL as NAME starts one")
            return
        }
        var rows = running.map { [$0.name, $0.modelName, $0.endpoint.url, String($0.endpoint.requestsServed)] }
        rows += cloud.map {
            [$0.name, $0.modelName, "SageMaker \($0.region) \($0.endpointName): \($0.status)", String($0.requestsSent)]
        }
        rows.sort { $0[0] < $1[0] }
        context.print(
            TextTable(
                columns: [.init("endpoint"), .init("model"), .init("url"), .init("requests", alignment: .right)],
                rows: rows
            ).render(maxWidth: context.width))
    }
}
