import Autopilot
import Cloud
import Diagnostics
import Frames
import Kernel
import TextLayout

/// The leaderboard of a SageMaker experiment, from `ListCandidatesForAutoMLJob` (every page):
/// the same table, chart and image as a local experiment's.
enum CloudLeaderboard {
    /// The metrics shown beside the objective, in this order, when candidates report them.
    static let reported = [
        "F1", "AUC", "Accuracy", "BalancedAccuracy", "Precision", "Recall", "LogLoss", "F1macro",
        "MSE", "RMSE", "MAE", "R2",
    ]

    /// The experiment's candidates, best first (listed once per session, after the job ended).
    static func candidates(of value: CloudExperimentValue, context: CommandContext) throws -> [CloudCandidate] {
        if let listed = value.candidates { return listed }
        guard let state = value.record.state, state.isFinished else {
            throw Diagnostic(
                "experiment '\(value.name)' is still running on SageMaker",
                hint: "autopilot attach \(value.name) follows it to the end")
        }
        let listed = try context.cloud().candidates(ofJob: value.record.jobName, region: value.record.region)
        let ranked = rank(listed, objective: objective(of: value, listed))
        value.candidates = ranked
        return ranked
    }

    /// The objective's name: as the job resolved it, as it was asked, or as candidates report it.
    static func objective(of value: CloudExperimentValue, _ candidates: [CloudCandidate] = []) -> String {
        value.record.state?.objective ?? value.record.request.objective ?? candidates.first?.objective ?? "objective"
    }

    /// Whether a higher value of the objective is better.
    static func higherIsBetter(_ objective: String) -> Bool {
        Metric(rawValue: objective)?.higherIsBetter
            ?? !["MSE", "RMSE", "MAE", "MAPE", "MASE", "WAPE", "AverageWeightedQuantileLoss"].contains(objective)
    }

    /// Best first; candidates without a score (failed, stopped) last, by name.
    static func rank(_ candidates: [CloudCandidate], objective: String) -> [CloudCandidate] {
        let higher = higherIsBetter(objective)
        return candidates.sorted { a, b in
            switch (a.objectiveValue, b.objectiveValue) {
            case let (x?, y?) where x != y: return higher ? x > y : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.name < b.name
            }
        }
    }

    /// The other validation metrics worth a column (at most three).
    static func otherMetrics(_ candidates: [CloudCandidate], objective: String) -> [String] {
        let present = Set(
            candidates.flatMap { $0.metrics.filter { ($0.set ?? "Validation") == "Validation" }.map(\.name) })
        return Array(reported.filter { $0 != objective && present.contains($0) }.prefix(3))
    }

    static func table(
        _ candidates: [CloudCandidate], objective: String, top: Int? = nil, experiment: String
    )
        -> TextTable
    {
        let others = otherMetrics(candidates, objective: objective)
        var columns: [TextTable.Column] = [
            .init("rank", alignment: .right), .init("candidate"), .init("status"),
            .init(objective, alignment: .right),
        ]
        columns += others.map { TextTable.Column($0, alignment: .right) }
        let shown = top.map { Array(candidates.prefix($0)) } ?? candidates
        let rows = shown.enumerated().map { index, c -> [String] in
            [String(index + 1), c.name, c.status, c.objectiveValue.map(Format.metric) ?? "?"]
                + others.map { c.metric($0).map(Format.metric) ?? "?" }
        }
        var table = TextTable(columns: columns, rows: rows)
        if let top, candidates.count > top {
            table.hiddenRowsNote = "… \(candidates.count - top) more candidates: leaderboard \(experiment) shows all"
        }
        return table
    }

    /// `leaderboard EXP [into NAME]` for a SageMaker experiment.
    static func show(_ value: CloudExperimentValue, into: String?, context: CommandContext) throws {
        let candidates = try candidates(of: value, context: context)
        guard !candidates.isEmpty else {
            throw Diagnostic(
                "experiment '\(value.name)' has no candidates on SageMaker"
                    + (value.record.request.candidatesOnly ? " (candidates_only=yes)" : ""),
                hint: value.record.request.candidatesOnly
                    ? "its notebooks hold the candidate definitions: candidate \(value.name).best lists where"
                    : "the job's status says why: experiments")
        }
        let objective = objective(of: value, candidates)
        context.print(
            "\(candidates.count) candidate\(candidates.count == 1 ? "" : "s") of SageMaker job \(value.record.jobName)")
        context.print(table(candidates, objective: objective, experiment: value.name).render(maxWidth: context.width))
        let scored = candidates.filter { $0.objectiveValue != nil }
        if let metric = Metric(rawValue: objective), !scored.isEmpty {
            let values = scored.map { $0.objectiveValue ?? .nan }
            context.print(
                Leaderboard.drawing(names: scored.map(\.name), values: values, metric: metric, width: context.width))
            context.output.image(
                svg: Leaderboard.svg(names: scored.map(\.name), values: values, metric: metric, experiment: value.name),
                alt: "\(objective) by candidate of \(value.name)")
        }
        if let into {
            var columns = [
                Column(name: "rank", data: .int(candidates.indices.map { Int64($0 + 1) }, missing: nil)),
                Column(name: "candidate", data: .strings(candidates.map(\.name))),
                Column(name: "status", data: .strings(candidates.map(\.status))),
                Column(name: objective, data: .double(candidates.map { $0.objectiveValue ?? .nan })),
            ]
            for m in otherMetrics(candidates, objective: objective) {
                columns.append(Column(name: m, data: .double(candidates.map { $0.metric(m) ?? .nan })))
            }
            context.keep(Frame(columns: columns), as: into, origin: "leaderboard \(value.name)")
        }
    }
}
