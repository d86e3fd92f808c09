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
        let session = context.session
        var values = session.values.compactMap { $0.value as? ExperimentValue }
        let stored = (try? session.store().names()) ?? []
        for name in stored where !values.contains(where: { $0.name == name }) {
            if let value = try? session.experiment(name) { values.append(value) }
        }
        var cloud = session.values.compactMap { $0.value as? CloudExperimentValue }
        for name in (try? session.store().cloudNames()) ?? [] where !cloud.contains(where: { $0.name == name }) {
            if let value = try? session.cloudExperiment(name) { cloud.append(value) }
        }
        guard !values.isEmpty || !cloud.isEmpty else {
            context.print("no experiments yet: run autopilot FRAME target=COL as NAME")
            return
        }
        var rows: [(name: String, cells: [String])] = values.map { e in
            (
                e.name,
                [
                    e.name, "local", e.record.settings.target, e.problem.autopilotName, e.metric.rawValue,
                    String(e.candidates.count),
                    e.best.map { "\($0.name) \(Format.metric($0.metric(e.metric) ?? .nan))" } ?? "—",
                ]
            )
        }
        rows += cloud.map { e in
            let state = e.record.state
            let best = state?.best.map { "\($0.name) \($0.objectiveValue.map(Format.metric) ?? "?")" }
            return (
                e.name,
                [
                    e.name, "sagemaker: \(state.map(JobStages.statusText) ?? "starting")",
                    e.record.request.target, state?.problemType ?? e.record.request.problemType ?? "?",
                    CloudLeaderboard.objective(of: e), e.candidates.map { String($0.count) } ?? "?", best ?? "—",
                ]
            )
        }
        rows.sort { $0.name < $1.name }
        var columns: [TextTable.Column] = [
            .init("experiment"), .init("backend"), .init("target"), .init("problem"), .init("objective"),
            .init("candidates", alignment: .right), .init("best"),
        ]
        var cells = rows.map(\.cells)
        if cloud.isEmpty {
            // Local experiments only: no backend column.
            columns.remove(at: 1)
            cells = cells.map { row in
                var row = row; row.remove(at: 1); return row
            }
        }
        context.print(TextTable(columns: columns, rows: cells).render(maxWidth: context.width))
    }
}
