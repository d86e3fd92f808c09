import Cloud
import Diagnostics
import Kernel
import TextLayout

/// `candidate EXP.best` / `EXP.NAME` of a SageMaker experiment: its containers, metrics and
/// artifacts, and where the job's notebooks are (`download s3://...` fetches them).
enum CloudCandidateReport {
    /// The candidate `name` (`best` for the best) of a SageMaker experiment.
    static func candidate(
        _ name: String, of value: CloudExperimentValue, context: CommandContext
    ) throws
        -> CloudCandidate
    {
        if name == "best", let best = value.record.state?.best { return best }
        let candidates = try CloudLeaderboard.candidates(of: value, context: context)
        if name == "best", let best = candidates.first { return best }
        if let found = candidates.first(where: { $0.name == name }) { return found }
        throw Diagnostic(
            "experiment '\(value.name)' has no candidate '\(name)'",
            hint: Suggestion.hint(for: name, in: candidates.map(\.name) + ["best"]) ?? "see leaderboard \(value.name)")
    }

    static func show(_ name: String, of value: CloudExperimentValue, context: CommandContext) throws {
        let c = try candidate(name, of: value, context: context)
        let isBest = c.name == value.record.state?.best?.name
        var lines = ["\(value.name).\(c.name)\(isBest ? " (best)" : ""): SageMaker candidate, \(c.status)"]
        if let objective = c.objective, let v = c.objectiveValue {
            lines.append("  objective: \(objective) \(Format.metric(v))")
        }
        if let reason = c.failureReason { lines.append("  failure: \(reason)") }
        let validation = c.metrics.filter { ($0.set ?? "Validation") == "Validation" }
        if !validation.isEmpty {
            lines.append("  validation metrics:")
            for m in validation { lines.append("    \(m.name.padded(to: 16)) \(Format.metric(m.value))") }
        }
        lines.append(
            "  inference containers (\(c.containers.count == 1 ? "one model" : "a pipeline of \(c.containers.count)")):"
        )
        lines = lines.map { $0.wrapped(to: context.width, indent: "    ") }
        for (index, container) in c.containers.enumerated() {
            lines.append("    \(index + 1). \(container.image)")
            if let data = container.modelData { lines.append("       \(data)") }
        }
        if !c.steps.isEmpty {
            lines.append(("  steps: " + c.steps.joined(separator: ", ")).wrapped(to: context.width, indent: "    "))
        }
        var places = [("explainability", c.explainability), ("model insights", c.modelInsights)]
        if let state = value.record.state {
            places += [
                ("data exploration notebook", state.dataExplorationNotebook),
                ("candidate definitions notebook", state.candidateDefinitionNotebook),
            ]
        }
        for case let (label, url?) in places { lines += Self.place(label, url, width: context.width) }
        lines.append(
            "  next: deploy \(value.name).\(isBest ? "best" : c.name) as NAME; download s3://... fetches a file above"
                .wrapped(to: context.width, indent: "    "))
        context.print(lines.joined(separator: "\n"))
    }

    /// `  label: s3://...` on one line when it fits, else the address alone on the next line:
    /// never broken, so it can be copied into `download`.
    static func place(_ label: String, _ url: String, width: Int) -> [String] {
        let line = "  \(label): \(url)"
        return line.displayWidth <= width ? [line] : ["  \(label):", "    \(url)"]
    }
}
