import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

/// `leaderboard EXP [into NAME]`: every candidate, ranked.
struct LeaderboardCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "leaderboard", area: .autopilot, summary: "every candidate of an experiment, ranked by the objective",
        discussion: """
            After the table, a chart of each candidate's objective (also as an SVG image); when the scores are \
            close, its bars start above zero and it says where.
            """,
        examples: ["leaderboard bank", "leaderboard bank into board"])

    @Argument(.experiment) var experiment: String
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        if let cloud = try context.session.cloudExperiment(self.experiment) {
            try CloudLeaderboard.show(cloud, into: into, context: context)
            return
        }
        let experiment = try context.session.experiment(self.experiment)
        guard !experiment.candidates.isEmpty else {
            throw Diagnostic(
                "experiment '\(experiment.name)' has no trained candidates (candidates_only=yes)",
                hint: "run autopilot again without candidates_only")
        }
        let metric = experiment.metric
        context.print(
            Leaderboard.table(experiment.candidates, metric: metric, problem: experiment.problem)
                .render(maxWidth: context.width))
        context.print(Leaderboard.drawing(experiment.candidates, metric: metric, width: context.width))
        context.output.image(
            svg: Leaderboard.svg(experiment.candidates, metric: metric, experiment: experiment.name),
            alt: "\(metric.rawValue) by candidate of \(experiment.name)")
        if let into {
            let ranked = AutopilotJob.ranked(experiment.candidates, metric: metric)
            var columns = [
                Column(name: "rank", data: .int(ranked.indices.map { Int64($0 + 1) }, missing: nil)),
                Column(name: "candidate", data: .strings(ranked.map(\.name))),
                Column(name: "algorithm", data: .strings(ranked.map(\.algorithm.rawValue))),
                Column(name: "pipeline", data: .strings(ranked.map(\.pipeline))),
            ]
            for m in experiment.problem.reportedMetrics {
                columns.append(Column(name: m.rawValue, data: .double(ranked.map { $0.metric(m) ?? .nan })))
            }
            if ranked.contains(where: { $0.sampleRows != nil }) {
                var missing = Bitmap(count: ranked.count)
                for (i, c) in ranked.enumerated() where c.sampleRows == nil { missing[i] = true }
                let rows = ranked.map { Int64($0.sampleRows ?? 0) }
                columns.append(Column(name: "rows", data: .int(rows, missing: missing)))
            }
            context.keep(Frame(columns: columns), as: into, origin: "leaderboard \(experiment.name)")
        }
    }
}
