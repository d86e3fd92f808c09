import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

/// `candidate EXP.NAME`: one candidate in detail.
struct CandidateCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "candidate", area: .autopilot,
        summary: "a candidate's pipeline, hyperparameters and validation metrics (EXP.best for the best)",
        examples: ["candidate bank.best", "candidate bank.xgboost-dpp0-003"])

    @Argument(.model.named("EXP.NAME")) var reference: String

    func run(in context: CommandContext) throws {
        if let dot = reference.firstIndex(of: "."),
            let cloud = try context.session.cloudExperiment(String(reference[..<dot]))
        {
            try CloudCandidateReport.show(
                String(reference[reference.index(after: dot)...]), of: cloud, context: context)
            return
        }
        let (experiment, candidate) = try context.session.candidate(reference)
        let a = experiment.record
        var lines = [
            "\(experiment.name).\(candidate.name)\(candidate.name == experiment.best?.name ? " (best)" : "")",
            "  algorithm: \(candidate.algorithm.displayName)",
        ]
        if let members = candidate.members {
            lines.append("  members (greedy ensemble selection on validation): " + members.joined(separator: ", "))
        } else if let pipeline = a.pipelines.first(where: { $0.name == candidate.pipeline }) {
            lines.append("  pipeline: \(candidate.pipeline): \(pipeline.summary)")
            lines.append("  hyperparameters: \(candidate.hyperparameters.summary)")
        }
        if let rounds = candidate.rounds { lines.append("  boosting rounds kept (early stopping): \(rounds)") }
        if let limit = candidate.cutShort { lines.append("  training was cut short by \(limit)") }
        if let threshold = candidate.threshold {
            lines.append("  decision threshold: \(String(format: "%.4f", threshold))")
        }
        lines.append("  validation metrics:")
        for m in a.target.problem.reportedMetrics {
            lines.append(
                "    \(m.rawValue.padded(to: 16)) "
                    + "\(candidate.metric(m).map(Format.metric) ?? "?")\(m == a.metric ? "  (objective)" : "")"
            )
        }
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
    }
}
