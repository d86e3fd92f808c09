import Autopilot
import Diagnostics
import Frames
import Kernel

/// `train`: one candidate, as given — what the candidate-definitions workbook's cells run.
struct TrainCommand: CellCommand {
    static let configuration = CommandConfiguration(
        "train", area: .autopilot,
        summary: "train one candidate with the given pipeline and hyperparameters, validated like autopilot's",
        discussion: """
            XGBoost takes max_depth (or max_leaves, to grow leaf by leaf), eta, gamma, min_child_weight, \
            subsample, colsample_bytree, colsample_bylevel, lambda, alpha, num_round and scale_pos_weight; \
            the linear learner takes l2; the MLP takes learning_rate, weight_decay, hidden_units, \
            hidden_layers, batch_size, max_epochs and patience. The result is an experiment of one candidate.
            """,
        examples: ["train train target=y algorithm=xgboost pipeline=dpp0 max_depth=4 eta=0.05 as small_trees"])

    @Argument(.frame) var frame: String
    @Clause("as", .name.named("EXP")) var name: String?
    @Option(required: .column, "the column to predict") var target: String
    @Option(
        required: .choice(Algorithm.allCases.filter { !$0.combinesCandidates }.map { ($0.rawValue, $0) }),
        "the learner") var algorithm: Algorithm
    @Option(.choice(Pipeline.self), "the pipeline (dpp0 for xgboost and rf, dpp2 for the others by default)")
    var pipeline: Pipeline?
    @Assignments("HYPERPARAMETER=VALUE...", keys: .choice(Self.hyperparameterNames)) var hyperparameters: [Assignment]
    @Option(.seed, "random seed (the 'seed' setting by default)") var seed: Int?
    @Option(.list(of: .column), "columns not to learn from (e.g. duration)") var exclude: [String]?
    @Option(.choice(AutopilotCommand.ProblemChoice.self), "the problem type (auto: by the rules)")
    var problem: AutopilotCommand.ProblemChoice?
    @Option(.choice(Metric.self, placeholder: "NAME"), "the objective") var metric: Metric?

    /// The pipelines of the candidate definitions.
    enum Pipeline: String, CaseIterable, Sendable {
        case dpp0, dpp1, dpp2, dpp3
    }

    /// Hyperparameters that count something (leaves, rounds, trees, rows), with their least
    /// value: checked here, before the analysis, rather than refused by a learner after it.
    static let minimums: [String: Double] = [
        "max_leaves": 2, "num_round": 1, "n_estimators": 1, "min_samples_leaf": 1, "num_parallel_tree": 1,
        "max_epochs": 1,
    ]

    /// Every learner's hyperparameters, for completion.
    static var hyperparameterNames: [String] {
        Algorithm.allCases.filter { !$0.combinesCandidates }.flatMap { AutopilotJob.hyperparameterNames(for: $0) }
    }

    func run(in context: CommandContext) throws {
        let data = try context.session.frame(frame)
        let pipeline = (pipeline ?? (algorithm.isTrees ? .dpp0 : .dpp2)).rawValue
        let known = AutopilotJob.hyperparameterNames(for: algorithm)
        var values: [String: Double] = [:]
        for assignment in hyperparameters {
            guard known.contains(assignment.key) else {
                throw Diagnostic(
                    "\(algorithm.displayName) has no hyperparameter '\(assignment.key)'",
                    hint: Suggestion.hint(for: assignment.key, in: known)
                        ?? "hyperparameters: " + known.joined(separator: ", "))
            }
            guard let value = Double(assignment.value) else {
                throw Diagnostic(
                    "\(assignment.key)=\(assignment.value) is not a number", hint: "e.g. \(assignment.key)=1")
            }
            if let least = Self.minimums[assignment.key], value < least {
                throw Diagnostic(
                    "\(assignment.key)=\(assignment.value) must be at least \(Int(least))",
                    hint: "e.g. \(assignment.key)=\(Int(least) * 16)")
            }
            values[assignment.key] = value
        }
        var defaults = AutopilotJob.defaultHyperparameters(for: algorithm)
        // Trees grown leaf by leaf have no depth limit unless one is given.
        if values["max_leaves"] != nil, algorithm == .xgboost { defaults["max_depth"] = nil }
        values = defaults.merging(values) { $1 }
        var settings = try AutopilotCommand.settings(
            target: target, problem: problem, metric: metric, exclude: exclude,
            seed: seed, frame: data, frameName: frame, context: context)
        settings.mode = .hpo
        settings.trials = [AutopilotSettings.Trial(pipeline: pipeline, algorithm: algorithm, hyperparameters: values)]
        settings.maxCandidates = 1
        let name = name ?? "\(pipeline)_\(algorithm.rawValue)"
        try AutopilotCommand.run(settings, frame: data, frameName: frame, name: name, context: context)
    }
}
