import Foundation

/// The candidate-definitions workbook Autopilot writes for an experiment
/// (`EXP/candidate-definitions.pilotbook`): the pipelines, the algorithms, the hyperparameter
/// ranges, and one runnable cell per pipeline that retrains that pipeline's best candidate with
/// `train` on the same data (saved beside it as `train.csv`).
public enum CandidateDefinitions {
    public static func workbook(
        name: String, record: ExperimentRecord, algorithms: [(pipeline: String, algorithm: Algorithm)]
    ) -> String {
        let s = record.settings
        var out = "<!-- pilotbook v1 -->\n# Candidate definitions: \(name)\n\n"
        out +=
            "Written by `autopilot` for experiment `\(name)`, as SageMaker Autopilot writes its candidate definition "
        out +=
            "notebook. Each `pilot` cell below retrains one candidate on the same data (`train.csv`, saved beside this "
        out += "workbook) with the same validation split; `pilot run` runs them all.\n\n"
        out += "## Pipelines and algorithms\n\n```text\n"
        for (pipeline, algorithm) in algorithms {
            let definition = record.pipelines.first { $0.name == pipeline }!
            out += "\(pipeline)  \(algorithm.displayName)  \(definition.summary)\n"
        }
        out +=
            "```\n\n## Hyperparameter ranges\n\n```text\n" + AutopilotJob.rangeDescriptions.joined(separator: "\n")
            + "\n```\n\n"
        out += "## The data\n\n```pilot id=data\nload train.csv as train\n```\n\n"
        var common = "target=\(s.target) seed=\(s.seed)"
        if let problem = s.problem { common += " problem=\(problem.rawValue)" }
        if let metric = s.metric { common += " metric=\(metric.rawValue)" }
        if !s.exclude.isEmpty { common += " exclude=\(s.exclude.joined(separator: ","))" }
        for (pipeline, algorithm) in algorithms {
            let best = AutopilotJob.ranked(
                record.candidates.filter { $0.pipeline == pipeline && $0.algorithm == algorithm },
                metric: record.metric
            ).first
            let values = best?.hyperparameters.values ?? [:]
            let hyperparameters = AutopilotJob.hyperparameterNames(for: algorithm).compactMap { key in
                values[key].map { "\(key)=\(Hyperparameters.format($0))" }
            }.joined(separator: " ")
            out += "## \(pipeline): \(algorithm.displayName)"
            if let best {
                let value = best.metric(record.metric).map { String(format: "%.4f", $0) } ?? "?"
                out += " (best of its kind: \(best.name), validation \(record.metric.rawValue) \(value))"
            }
            out += "\n\n```pilot id=\(pipeline)-\(algorithm.rawValue)\n"
            out += "train train \(common) algorithm=\(algorithm.rawValue) pipeline=\(pipeline)"
            out +=
                (hyperparameters.isEmpty ? "" : " " + hyperparameters)
                + " as \(pipeline)_\(algorithm.rawValue)\n```\n\n"
        }
        return out
    }
}
