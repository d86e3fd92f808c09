import Autopilot
import Foundation
import Kernel
import TextLayout

/// What each stage says in the stored output: decisions and results, never timings.
enum StageReport {
    static func analysis(_ a: AutopilotJob.Analysis, rows: Int, settings: AutopilotSettings) -> String {
        let t = a.target
        var lines = ["Analyzing data"]
        lines.append("  \(rows) rows; target \(t.column): \(t.problem.autopilotName) (\(t.rule))")
        if t.problem != .regression {
            let counts = t.classes.indices.map { c in a.trainRows.filter { t.labels[$0] == Float(c) }.count }
            let total = max(1, counts.reduce(0, +))
            let shares = t.classes.indices.map { "\(t.classes[$0]) → \($0) (\(percent(counts[$0], total)))" }
            lines.append(
                "  classes: " + shares.joined(separator: ", ")
                    + (t.problem == .binary ? "; positive: \(t.classes[1])" : ""))
        }
        if t.missingRows > 0 { lines.append("  \(t.missingRows) rows without a target value are left out") }
        let numeric = a.plan.features.filter { $0.role == .numeric }.count
        lines.append(
            "  features: \(a.plan.features.count) (\(numeric) numeric, \(a.plan.features.count - numeric) categorical)")
        for dropped in a.plan.dropped { lines.append("  dropped \(dropped.name): \(dropped.reason)") }
        lines.append("  validation: \(a.validation)")
        let why = settings.metric == nil ? "default for \(t.problem.autopilotName)" : "metric=\(a.metric.rawValue)"
        lines.append(
            "  objective: \(a.metric.rawValue) (\(why)), \(a.metric.higherIsBetter ? "maximised" : "minimised") on "
                + "validation"
        )
        return lines.joined(separator: "\n")
    }

    static func definitions(_ a: AutopilotJob.Analysis) -> String {
        var lines = ["Candidate definitions generated"]
        for (pipeline, algorithm) in a.algorithms {
            let definition = a.pipelines.first { $0.name == pipeline }!
            lines.append("  " + pipeline + "  " + algorithm.displayName.padded(to: 15) + "  " + definition.summary)
        }
        return lines.joined(separator: "\n")
    }

    static func tuning(
        _ outcome: AutopilotJob.Outcome, analysis a: AutopilotJob.Analysis, settings: AutopilotSettings,
        experiment: String, width: Int
    ) -> String {
        let fitted = "fitted on \(a.trainRows.count) rows"
        var lines = [
            "Feature engineering", "  \(a.pipelines.count) pipelines \(fitted)",
            "Model tuning",
        ]
        let trained = outcome.candidates.filter { !$0.algorithm.combinesCandidates }.count
        var count = "  \(trained) candidate\(trained == 1 ? "" : "s") trained"
        if let reason = outcome.stoppedEarly {
            count += " (stopped early: \(reason); the best finished candidate is kept)"
        }
        lines.append(count)
        let cut = outcome.candidates.filter { $0.cutShort != nil }
        if !cut.isEmpty {
            let limits = Set(cut.compactMap(\.cutShort)).sorted().joined(separator: " or ")
            lines.append("  \(cut.count) of them cut short by \(limits): results depend on this machine's speed")
        }
        if outcome.candidates.contains(where: \.algorithm.combinesCandidates) { lines.append("Ensembling") }
        if let ensemble = outcome.candidates.last(where: { $0.algorithm == .ensemble }), let members = ensemble.members
        {
            lines.append(
                "  greedy ensemble selection on validation scores: \(ensemble.name) averages \(members.count) "
                    + "candidate\(members.count == 1 ? "" : "s")")
            lines.append(("    " + members.joined(separator: ", ")).wrapped(to: width))
        }
        if let stacked = outcome.candidates.last(where: { $0.algorithm == .stacked }), let members = stacked.members {
            let kept = outcome.best.name == stacked.name ? "kept: the best" : "not kept: another validates better"
            let value = stacked.metric(a.metric).map(Format.metric) ?? "?"
            lines.append(
                ("  stacking: \(stacked.name), a linear model over \(members.count) candidates' scores, "
                    + "\(a.metric.rawValue) \(value) out of fold (\(kept))").wrapped(to: width, indent: "    "))
        }
        lines.append(
            Leaderboard.table(
                outcome.candidates, metric: a.metric, problem: a.target.problem, top: 10,
                experiment: experiment
            )
            .render(maxWidth: width))
        return lines.joined(separator: "\n")
    }

    static func insights(
        _ outcome: AutopilotJob.Outcome, analysis a: AutopilotJob.Analysis, experiment: String
    ) -> String {
        let best = outcome.best
        var line =
            "Best candidate: \(experiment).\(best.name)  \(a.metric.rawValue) "
            + "\(best.metric(a.metric).map(Format.metric) ?? "?")"
        if let threshold = best.threshold { line += " at threshold \(String(format: "%.4f", threshold))" }
        var lines = ["Model insights", line]
        if a.target.problem == .binary, let auc = best.metric(.auc) {
            lines.append("  validation AUC \(Format.metric(auc))")
        }
        lines.append(
            "  next: leaderboard \(experiment), candidate \(experiment).best, evaluate \(experiment).best on FRAME")
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, _ total: Int) -> String {
        String(format: "%.1f%%", Double(part) / Double(total) * 100)
    }
}
