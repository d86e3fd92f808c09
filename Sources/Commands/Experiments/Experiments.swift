import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

/// `experiments`: the session's and the store's experiments.
struct Experiments: CellCommand {
    static let configuration = CommandConfiguration(
        "experiments", area: .autopilot, summary: "list the session's experiments", examples: ["experiments"])

    func run(in context: CommandContext) throws {
        var values = context.session.values.compactMap { $0.value as? ExperimentValue }
        let stored = (try? context.session.store().names()) ?? []
        for name in stored where !values.contains(where: { $0.name == name }) {
            if let value = try? context.session.experiment(name) { values.append(value) }
        }
        values.sort { $0.name < $1.name }
        guard !values.isEmpty else {
            context.print("no experiments yet: run autopilot FRAME target=COL as NAME")
            return
        }
        let rows = values.map { e in
            [
                e.name, e.record.settings.target, e.problem.autopilotName, e.metric.rawValue,
                String(e.candidates.count),
                e.best.map { "\($0.name) \(Format.metric($0.metric(e.metric) ?? .nan))" } ?? "—",
            ]
        }
        context.print(
            TextTable(
                columns: [
                    .init("experiment"), .init("target"), .init("problem"), .init("objective"),
                    .init("candidates", alignment: .right), .init("best"),
                ], rows: rows
            )
            .render(maxWidth: context.width))
    }
}
