import Autopilot
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import TextLayout

/// `autopilot`: the whole Autopilot job, stage by stage.
struct AutopilotCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "autopilot", area: .autopilot,
        summary: "run an Autopilot experiment: analyse, define candidates, engineer features, tune, pick the best",
        discussion: """
            Stages, as SageMaker Autopilot names them: Analyzing data → Candidate definitions generated → Feature \
            engineering → Model tuning → Model insights. The problem type comes from stated rules unless problem= \
            says otherwise; the objective defaults to F1 (binary), Accuracy (multiclass) or MSE (regression). The \
            search is deterministic for a seed and a candidate count; max_runtime stops it early, keeping the best \
            finished candidate, and says so. Ctrl-C does the same. backend=sagemaker runs the same job on SageMaker \
            Autopilot instead (role=, output=; a params or set value named role or output serves a whole workbook): \
            a preflight checks the account first (check_only=yes stops there), the frame goes to S3 under output=, \
            and the cell follows the job's stages; Ctrl-C stops following, not the job: autopilot attach EXP \
            follows it again, cleanup experiment EXP stops it.
            """,
        examples: [
            "autopilot train target=y as bank", "autopilot train target=y as bank exclude=duration max_runtime=60s",
            "autopilot train target=y as bank backend=sagemaker role=$role output=s3://$bucket/autopilot",
        ],
        risk: "spends money in your AWS account (backend=sagemaker)")

    @Argument(.frame) var frame: String
    @Clause("as", .name.named("EXP")) var name: String?
    @Option(required: .column, "the column to predict") var target: String
    @Option(.choice(ProblemChoice.self), "the problem type (auto: by the rules)") var problem: ProblemChoice?
    @Option(.choice(Metric.self, placeholder: "NAME"), "the objective") var metric: Metric?
    @Option(.choice(AutopilotSettings.Mode.self), "hyperparameter search, or search then an ensemble")
    var mode: AutopilotSettings.Mode?
    @Option(.int(in: 1...1000), "candidates to train at most (16, or 250 with max_runtime=; on SageMaker, its own)")
    var maxCandidates: Int?
    @Option(.duration, "time for the whole search, e.g. 60s or 5m (5m)") var maxRuntime: Double?
    @Option(.duration, "time for one candidate (2m)") var maxTrialRuntime: Double?
    @Option(.list(of: .column), "columns not to learn from (e.g. duration)") var exclude: [String]?
    @Option(.flag, "stop after writing the candidate definitions", default: false, defaultText: "no")
    var candidatesOnly: Bool
    @Option(.seed, "random seed (the 'seed' setting by default)") var seed: Int?
    @Option(.choice(Backend.self), "where the job runs: here (local) or on SageMaker Autopilot") var backend: Backend?
    @Option(.text("ARN"), "backend=sagemaker: the IAM role SageMaker runs the job as (the 'role' value)")
    var role: String?
    @Option(.text("s3://BUCKET/PREFIX"), "backend=sagemaker: where data and artifacts go (the 'output' value)")
    var output: String?
    @Option(.text("REGION"), "backend=sagemaker: the AWS region (the 'region' value, else AWS's configuration)")
    var region: String?
    @Option(.flag, "backend=sagemaker: check the account, create nothing", default: false, defaultText: "no")
    var checkOnly: Bool

    /// `autopilot attach EXP` follows a SageMaker job again.
    static var otherForm: (word: String, command: any CellCommand.Type)? { ("attach", AutopilotAttach.self) }

    /// `backend=`: this machine, or SageMaker Autopilot.
    enum Backend: String, CaseIterable, Sendable {
        case local, sagemaker
    }

    /// `problem=`: a problem type, or auto (the rules decide).
    enum ProblemChoice: String, CaseIterable, Sendable {
        case auto, binary, multiclass, regression
    }

    /// A SageMaker job costs money. A line that does not parse yet (`backend=$b`) is taken at the
    /// configuration's risk, so it is asked about too.
    func risk() -> String? {
        backend == .sagemaker && !checkOnly ? Self.configuration.risk : nil
    }

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        if backend == .sagemaker {
            try SageMakerJob(command: self, frame: data, context: context).run()
            return
        }
        let settings = try settings(frame: data, context: context)
        try Self.run(settings, frame: data, frameName: frame, name: name ?? frame + "_exp", context: context)
    }

    /// The job's settings from the options, the session's seed where none is given.
    func settings(frame data: Frame, context: CommandContext) throws -> AutopilotSettings {
        var settings = try Self.settings(
            target: target, problem: problem, metric: metric, exclude: exclude, seed: seed,
            frame: data, frameName: frame, context: context)
        if let mode { settings.mode = mode }
        // A time budget alone is used whole, up to SageMaker's own default of 250 candidates.
        settings.maxCandidates = maxCandidates ?? (maxRuntime == nil ? settings.maxCandidates : 250)
        if let maxRuntime { settings.maxRuntime = maxRuntime }
        if let maxTrialRuntime { settings.maxTrialRuntime = maxTrialRuntime }
        settings.candidatesOnly = candidatesOnly
        return settings
    }

    /// What `autopilot` and `train` share: the target, problem, objective, excluded columns and seed.
    static func settings(
        target: String, problem: ProblemChoice?, metric: Metric?, exclude: [String]?, seed: Int?,
        frame data: Frame, frameName: String, context: CommandContext
    ) throws -> AutopilotSettings {
        _ = try data.requireColumn(target, in: frameName)
        var settings = AutopilotSettings(target: target)
        if let problem, problem != .auto { settings.problem = ProblemType(rawValue: problem.rawValue) }
        if let metric { settings.metric = metric }
        if let exclude {
            settings.exclude = exclude
            for column in exclude { _ = try data.requireColumn(column, in: frameName) }
        }
        settings.seed = seed ?? context.session.integerSetting("seed")
        return settings
    }

    /// Saves the experiment in `.pilot/`, so a later session finds it by name.
    static func save(_ record: ExperimentRecord, model: TrainedModel?, context: CommandContext) throws {
        let store = try context.session.store()
        do throws(StoreError) {
            try store.save(record, model: model)
        } catch {
            throw error.diagnostic.hinting("check that the workbook's folder is writable")
        }
        context.print("saved experiment '\(record.name)' in .pilot/")
    }

    static func run(
        _ settings: AutopilotSettings, frame: Frame, frameName: String, name: String, context: CommandContext
    )
        throws
    {
        let job = AutopilotJob(frame: frame, settings: settings)
        let live = context.live
        live?.progress("Analyzing data", fraction: nil, detail: "")
        let analysis = try job.analyze()
        context.print(
            StageReport.analysis(analysis, rows: frame.rowCount, settings: settings)
                .wrapped(to: context.width, indent: "  "))
        let leaks = FeaturePower.probableLeaks(
            FeaturePower.univariate(
                frame, plan: analysis.plan, target: analysis.target,
                rows: analysis.trainRows))
        for leak in leaks where !settings.exclude.contains(leak.feature) {
            context.print(
                ("  warning: '\(leak.feature)' alone predicts \(settings.target) with AUC "
                    + "\(String(format: "%.3f", leak.auc)), "
                    + "far ahead of every other feature: it may leak the target (known only after the outcome?)")
                    .wrapped(to: context.width, indent: "  "))
            context.print("  hint: if so, run again with exclude=\(leak.feature)")
        }
        if settings.trials == nil {
            let report = DataExploration.report(frame: frame, name: name, analysis: analysis, width: context.width)
            try WorkbookFiles.write(report, to: "\(name)/data-exploration.pilotbook", context: context)
            context.print("  wrote \(name)/data-exploration.pilotbook")
        }
        context.print(StageReport.definitions(analysis))
        if settings.trials == nil {
            try WorkbookFiles.writeCSV(frame, to: "\(name)/train.csv", context: context)
            let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: nil)
            try WorkbookFiles.write(
                CandidateDefinitions.workbook(name: name, record: record, algorithms: analysis.algorithms),
                to: "\(name)/candidate-definitions.pilotbook", context: context)
            context.print(
                "  wrote \(name)/candidate-definitions.pilotbook (and the data, \(name)/train.csv)"
                    .wrapped(to: context.width, indent: "  "))
        }
        if settings.candidatesOnly {
            let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: nil)
            context.session.store(ExperimentValue(record: record, model: nil), as: name)
            try save(record, model: nil, context: context)
            context.print(
                "candidates_only=yes: stopped after the candidate definitions; experiment '\(name)' holds them")
            live?.endProgress()
            return
        }
        let interruption = context.interruption
        var finished = 0
        var stage = AutopilotJob.Stage.modelTuning
        // Candidate lines line up: `[ 3/20] linear-dpp2-003    F1 0.6120   0.4s`.
        let nameWidth = analysis.algorithms.map { "\($0.algorithm.rawValue)-\($0.pipeline)-000".count }.max() ?? 0
        let outcome: AutopilotJob.Outcome
        do {
            outcome = try job.tune(
                analysis: analysis,
                onEvent: { event in
                    switch event {
                    case .stage(let next):
                        stage = next
                        live?.progress(next.rawValue, fraction: nil, detail: "")
                    case .candidate(let candidate, let index, let total):
                        finished = index
                        let value = candidate.metric(analysis.metric).map(Format.metric) ?? "?"
                        let place = String(index).leftPadded(to: String(total).count) + "/\(total)"
                        live?.note(
                            "[\(place)] \(candidate.name.padded(to: nameWidth))  \(analysis.metric.rawValue) \(value)  "
                                + String(format: "%.1fs", candidate.trainingSeconds).leftPadded(to: 6))
                    case .progress(let fraction):
                        let detail = stage == .modelTuning ? "\(finished) of \(settings.maxCandidates) candidates" : ""
                        live?.progress(stage.rawValue, fraction: fraction, detail: detail)
                    }
                }, shouldStop: { interruption.isRaised })
        } catch {
            live?.endProgress()
            throw error
        }
        live?.endProgress()
        context.print(
            StageReport.tuning(
                outcome, analysis: analysis, settings: settings, experiment: name,
                width: context.width))
        context.print(
            StageReport.insights(outcome, analysis: analysis, experiment: name).wrapped(to: context.width, indent: "  ")
        )
        let record = ExperimentRecord(name: name, settings: settings, analysis: analysis, outcome: outcome)
        context.session.store(ExperimentValue(record: record, model: outcome.model), as: name)
        if settings.trials == nil {
            // Rewrite the definitions with each pipeline's best candidate, now that they are known.
            try WorkbookFiles.write(
                CandidateDefinitions.workbook(name: name, record: record, algorithms: analysis.algorithms),
                to: "\(name)/candidate-definitions.pilotbook", context: context)
        }
        try save(record, model: outcome.model, context: context)
        // An interruption stays raised: the cell ends as interrupted, with the best candidate kept.
    }
}
