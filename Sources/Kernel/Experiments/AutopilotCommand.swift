import Autopilot
import ExperimentStore
import Foundation
import Frames
import TextLayout

/// `autopilot`: the whole Autopilot job, stage by stage.
enum AutopilotCommand {
    static let command = Command(
        "autopilot", area: .autopilot,
        usage: "autopilot FRAME target=COL [as EXP] [problem= metric= mode= max_candidates= max_runtime= max_trial_runtime= exclude= candidates_only= seed=]",
        summary: "run an Autopilot experiment: analyse, define candidates, engineer features, tune, pick the best",
        discussion: """
        Stages, as SageMaker Autopilot names them: Analyzing data → Candidate definitions generated → Feature \
        engineering → Model tuning → Model insights. The problem type comes from stated rules unless problem= \
        says otherwise; the objective defaults to F1 (binary), Accuracy (multiclass) or MSE (regression). The \
        search is deterministic for a seed and a candidate count; max_runtime stops it early, keeping the best \
        finished candidate, and says so. Ctrl-C does the same.
        """,
        options: [
            .init("target", "COL", "the column to predict"),
            .init("problem", "auto|binary|multiclass|regression", "the problem type (auto: by the rules)"),
            .init("metric", "NAME", "the objective: F1 AUC Accuracy BalancedAccuracy Precision Recall LogLoss F1macro MSE RMSE MAE R2"),
            .init("mode", "auto|hpo|ensemble", "hyperparameter search, or search then an ensemble"),
            .init("max_candidates", "N", "candidates to train at most (16)"),
            .init("max_runtime", "DUR", "time for the whole search, e.g. 60s or 5m (5m)"),
            .init("max_trial_runtime", "DUR", "time for one candidate (2m)"),
            .init("exclude", "COL,...", "columns not to learn from (e.g. duration)"),
            .init("candidates_only", "yes|no", "stop after writing the candidate definitions"),
            .init("seed", "N", "random seed (the 'seed' setting by default)"),
        ],
        examples: ["autopilot train target=y as bank", "autopilot train target=y as bank exclude=duration max_runtime=60s"]
    ) { line, context throws(KernelError) in
        let (words, alias) = try line.trailing("as", in: line.words)
        guard words.count == 1 else { throw context.commands["autopilot"]!.usageError("autopilot takes one frame") }
        let frameName = words[0]
        let frame = try context.session.frame(frameName)
        guard let target = line.option("target") else {
            throw KernelError("autopilot needs target=COL: the column to predict",
                              hint: "columns: " + frame.columnNames.joined(separator: ", "))
        }
        _ = try frame.requireColumn(target, in: frameName)
        let settings = try settings(from: line, target: target, frame: frame, frameName: frameName, context: context)
        let name = alias ?? frameName + "_exp"
        try Invocation.checkName(name)
        try run(settings, frame: frame, frameName: frameName, name: name, context: context)
    }

    static func settings(from line: Invocation, target: String, frame: Frame, frameName: String, context: CommandContext)
        throws(KernelError) -> AutopilotSettings
    {
        var settings = AutopilotSettings(target: target)
        if let problem = line.option("problem"), problem != "auto" {
            guard let value = ProblemType(rawValue: problem) else {
                throw KernelError("problem=\(problem) is not a problem type", hint: "problem is auto, binary, multiclass or regression")
            }
            settings.problem = value
        }
        if let metric = line.option("metric") {
            guard let value = Metric(name: metric) else {
                throw KernelError("metric=\(metric) is not a metric",
                                  hint: Suggestion.hint(for: metric, in: Metric.allCases.map(\.rawValue))
                                    ?? "metrics: " + Metric.allCases.map(\.rawValue).joined(separator: ", "))
            }
            settings.metric = value
        }
        if let mode = line.option("mode") {
            guard let value = AutopilotSettings.Mode(rawValue: mode) else {
                throw KernelError("mode=\(mode) is not a mode", hint: "mode is auto, hpo or ensemble")
            }
            settings.mode = value
        }
        settings.maxCandidates = try line.intOption("max_candidates", in: 1...1000) ?? settings.maxCandidates
        if let text = line.option("max_runtime") { settings.maxRuntime = try duration(text, option: "max_runtime") }
        if let text = line.option("max_trial_runtime") { settings.maxTrialRuntime = try duration(text, option: "max_trial_runtime") }
        if let exclude = line.option("exclude") {
            settings.exclude = exclude.split(separator: ",").map(String.init)
            for column in settings.exclude { _ = try frame.requireColumn(column, in: frameName) }
        }
        settings.candidatesOnly = try line.flagOption("candidates_only") ?? false
        settings.seed = try line.intOption("seed", in: 0...Int(Int32.max)) ?? context.session.integerSetting("seed")
        return settings
    }

    /// Saves the experiment in `.pilot/`, so a later session finds it by name.
    static func save(_ record: ExperimentRecord, model: TrainedModel?, context: CommandContext) throws(KernelError) {
        let store = try context.session.store()
        do throws(StoreError) {
            try store.save(record, model: model)
        } catch {
            throw KernelError(error.message, hint: "check that the workbook's folder is writable")
        }
        context.print("saved experiment '\(record.name)' in .pilot/")
    }

    /// Writes a generated file beside the workbook, atomically.
    static func write(_ text: String, to path: String, context: CommandContext) throws(KernelError) {
        try write(Array(text.utf8), to: path, context: context)
    }

    static func write(_ bytes: [UInt8], to path: String, context: CommandContext) throws(KernelError) {
        let url = URL(fileURLWithPath: context.session.resolve(path))
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw KernelError("cannot write \(path): \(error.localizedDescription)", hint: "check that the workbook's folder is writable")
        }
    }

    /// `60s`, `5m`, `1h`, or plain seconds.
    static func duration(_ text: String, option: String) throws(KernelError) -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var number = text
        var unit = 1.0
        if let last = text.last, let factor = units[last] { number = String(text.dropLast()); unit = factor }
        guard let value = Double(number), value > 0 else {
            throw KernelError("\(option)=\(text) is not a duration", hint: "e.g. \(option)=60s or \(option)=5m")
        }
        return value * unit
    }

    static func run(_ settings: AutopilotSettings, frame: Frame, frameName: String, name: String, context: CommandContext)
        throws(KernelError)
    {
        let job = AutopilotJob(frame: frame, settings: settings)
        let live = context.live
        live?.progress("Analyzing data", fraction: nil, detail: "")
        let analysis: AutopilotJob.Analysis
        do {
            analysis = try job.analyze()
        } catch {
            throw KernelError(error.message, hint: error.hint)
        }
        context.print(StageReport.analysis(analysis, rows: frame.rowCount, settings: settings))
        let leaks = FeaturePower.probableLeaks(FeaturePower.univariate(frame, plan: analysis.plan, target: analysis.target,
                                                                       rows: analysis.trainRows))
        for leak in leaks where !settings.exclude.contains(leak.feature) {
            context.print("  warning: '\(leak.feature)' alone predicts \(settings.target) with AUC \(String(format: "%.3f", leak.auc)), "
                          + "far ahead of every other feature: it may leak the target (known only after the outcome?)")
            context.print("  hint: if so, run again with exclude=\(leak.feature)")
        }
        if settings.trials == nil {
            let report = DataExploration.report(frame: frame, name: name, analysis: analysis, width: context.width)
            try write(report, to: "\(name)/data-exploration.pilotbook", context: context)
            context.print("  wrote \(name)/data-exploration.pilotbook")
        }
        context.print(StageReport.definitions(analysis))
        if settings.trials == nil {
            try write(Array(CSVWriter.bytes(of: frame)), to: "\(name)/train.csv", context: context)
            let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: nil)
            try write(CandidateDefinitions.workbook(name: name, record: record, algorithms: analysis.algorithms),
                      to: "\(name)/candidate-definitions.pilotbook", context: context)
            context.print("  wrote \(name)/candidate-definitions.pilotbook (and the data, \(name)/train.csv)")
        }
        if settings.candidatesOnly {
            let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: nil)
            context.session.store(ExperimentValue(record: record, model: nil), as: name)
            try save(record, model: nil, context: context)
            context.print("candidates_only=yes: stopped after the candidate definitions; experiment '\(name)' holds them")
            live?.endProgress()
            return
        }
        let interruption = context.interruption
        var finished = 0
        let outcome: AutopilotJob.Outcome
        do {
            outcome = try job.tune(analysis: analysis, onEvent: { event in
                switch event {
                case .stage(let stage):
                    live?.progress(stage.rawValue, fraction: nil, detail: "")
                case .candidate(let candidate, let index, let total):
                    finished = index
                    let value = candidate.metric(analysis.metric).map(Format.metric) ?? "?"
                    live?.note("[\(index)/\(total)] \(candidate.name)  \(analysis.metric.rawValue) \(value)  "
                               + String(format: "%.1fs", candidate.trainingSeconds))
                case .progress(let fraction):
                    live?.progress("Model tuning", fraction: fraction, detail: "\(finished) of \(settings.maxCandidates) candidates")
                }
            }, shouldStop: { interruption.isRaised })
        } catch {
            live?.endProgress()
            throw KernelError(error.message, hint: error.hint)
        }
        live?.endProgress()
        context.print(StageReport.tuning(outcome, analysis: analysis, settings: settings, experiment: name,
                                         width: context.width))
        context.print(StageReport.insights(outcome, analysis: analysis, experiment: name))
        let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: outcome)
        context.session.store(ExperimentValue(record: record, model: outcome.model), as: name)
        if settings.trials == nil {
            // Rewrite the definitions with each pipeline's best candidate, now that they are known.
            try write(CandidateDefinitions.workbook(name: name, record: record, algorithms: analysis.algorithms),
                      to: "\(name)/candidate-definitions.pilotbook", context: context)
        }
        try save(record, model: outcome.model, context: context)
        // An interruption stays raised: the cell ends as interrupted, with the best candidate kept.
    }
}
