import Autopilot
import Frames

/// `train`: one candidate, as given — what the candidate-definitions workbook's cells run.
enum TrainCommand {
    static let command = Command(
        "train", area: .autopilot,
        usage: "train FRAME target=COL algorithm=xgboost|linear|mlp pipeline=dpp0|dpp1|dpp2|dpp3 [HYPERPARAMETER=VALUE...] [as EXP] [seed= exclude= problem= metric=]",
        summary: "train one candidate with the given pipeline and hyperparameters, validated like autopilot's",
        discussion: """
        XGBoost takes max_depth, eta, gamma, min_child_weight, subsample, colsample_bytree, lambda, alpha, num_round \
        and scale_pos_weight; the linear learner takes l2; the MLP takes learning_rate, weight_decay, hidden_units, \
        hidden_layers, batch_size, max_epochs and patience. The result is an experiment of one candidate.
        """,
        acceptsAnyOption: true,
        examples: ["train train target=y algorithm=xgboost pipeline=dpp0 max_depth=4 eta=0.05 as small_trees"]
    ) { line, context throws(KernelError) in
        let (words, alias) = try line.trailing("as", in: line.words)
        guard words.count == 1 else { throw context.commands["train"]!.usageError("train takes one frame") }
        let frame = try context.session.frame(words[0])
        guard let target = line.option("target") else {
            throw KernelError("train needs target=COL", hint: "columns: " + frame.columnNames.joined(separator: ", "))
        }
        _ = try frame.requireColumn(target, in: words[0])
        guard let algorithmName = line.option("algorithm"), let algorithm = Algorithm(rawValue: algorithmName),
              algorithm != .ensemble else {
            throw KernelError("train needs algorithm=xgboost, algorithm=linear or algorithm=mlp", hint: "e.g. algorithm=xgboost")
        }
        let pipeline = line.option("pipeline") ?? (algorithm == .xgboost ? "dpp0" : "dpp2")
        guard ["dpp0", "dpp1", "dpp2", "dpp3"].contains(pipeline) else {
            throw KernelError("pipeline=\(pipeline) is not a pipeline",
                              hint: "pipelines: dpp0 (native categories), dpp1 (one-hot), dpp2 (impute + one-hot + scale), dpp3 (ordinal codes)")
        }
        let general: Set = ["target", "algorithm", "pipeline", "seed", "exclude", "problem", "metric"]
        let known = AutopilotJob.hyperparameterNames(for: algorithm)
        var values: [String: Double] = [:]
        for option in line.options where !general.contains(option.key) {
            guard known.contains(option.key) else {
                throw KernelError("\(algorithm.displayName) has no hyperparameter '\(option.key)'",
                                  hint: Suggestion.hint(for: option.key, in: known) ?? "hyperparameters: " + known.joined(separator: ", "))
            }
            guard let value = Double(option.value) else {
                throw KernelError("\(option.key)=\(option.value) is not a number", hint: "e.g. \(option.key)=1")
            }
            values[option.key] = value
        }
        values = AutopilotJob.defaultHyperparameters(for: algorithm).merging(values) { $1 }
        var settings = try AutopilotCommand.settings(from: line, target: target, frame: frame, frameName: words[0], context: context)
        settings.mode = .hpo
        settings.trials = [AutopilotSettings.Trial(pipeline: pipeline, algorithm: algorithm, hyperparameters: values)]
        settings.maxCandidates = 1
        let name = alias ?? "\(pipeline)_\(algorithm.rawValue)"
        try Invocation.checkName(name)
        try AutopilotCommand.run(settings, frame: frame, frameName: words[0], name: name, context: context)
    }
}

