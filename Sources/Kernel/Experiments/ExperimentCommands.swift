import Autopilot
import Learners
import Charts
import ExperimentStore
import Foundation
import Frames
import TextLayout

/// `experiments`, `leaderboard`, `candidate` and `evaluate`.
enum ExperimentCommands {
    static let all: [Command] = [experiments, leaderboard, candidate, evaluate, explain]

    static let explain = Command(
        "explain", area: .autopilot, usage: "explain MODEL on FRAME [into NAME]",
        summary: "feature importance: each column's mean absolute SHAP contribution, with a chart",
        discussion: "Measured on up to 2000 rows of FRAME (evenly spaced). One-hot and missing-flag columns count for the column they came from.",
        examples: ["explain bank.best on train"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count == 3, words[1] == "on" else { throw context.commands["explain"]!.usageError("write: explain MODEL on FRAME") }
        let (experiment, candidate) = try context.session.candidate(words[0])
        guard candidate.name == experiment.best?.name, let model = experiment.model else {
            throw KernelError("only the best candidate's model is kept", hint: "explain \(experiment.name).best on \(words[2])")
        }
        let frame = try context.session.frame(words[2])
        let entries: [FeatureImportance.Entry]
        do throws(AutopilotError) {
            entries = try FeatureImportance.of(model, on: frame)
        } catch {
            throw KernelError(error.message, hint: error.hint)
        }
        let total = max(entries.reduce(0) { $0 + $1.meanAbsoluteContribution }, 1e-12)
        let top = entries.first?.meanAbsoluteContribution ?? 1
        let table = TextTable(columns: [.init("feature"), .init("mean |SHAP|", alignment: .right), .init("share", alignment: .right), .init("")],
                              rows: entries.map { e in
                                  [e.feature, String(format: "%.4f", e.meanAbsoluteContribution),
                                   String(format: "%.1f%%", e.meanAbsoluteContribution / total * 100),
                                   TerminalBars.bar(e.meanAbsoluteContribution, of: top, width: 24)]
                              })
        context.print("feature importance of \(experiment.name).\(candidate.name) on \(words[2]) (\(min(frame.rowCount, 2000)) rows)")
        context.print(table.render(maxWidth: context.width))
        let shown = Array(entries.prefix(12))
        context.output.image(svg: SVGChart.horizontalBars(labels: shown.map(\.feature), values: shown.map(\.meanAbsoluteContribution),
                                                          valueTexts: shown.map { String(format: "%.4f", $0.meanAbsoluteContribution) },
                                                          title: "feature importance: \(experiment.name).\(candidate.name)"),
                             alt: "feature importance of \(experiment.name).\(candidate.name)")
        if let into {
            let result = Frame(columns: [Column(name: "feature", data: .strings(entries.map(\.feature))),
                                         Column(name: "mean_abs_shap", data: .double(entries.map(\.meanAbsoluteContribution)))])
            try FrameCommands.keep(result, as: into, origin: "explain \(words[0])", context: context)
        }
    }

    static let experiments = Command(
        "experiments", area: .autopilot, usage: "experiments", summary: "list the session's experiments",
        examples: ["experiments"]
    ) { line, context throws(KernelError) in
        var values = context.session.values.compactMap { $0.value as? ExperimentValue }
        let stored = (try? context.session.store().names()) ?? []
        for name in stored where !values.contains(where: { $0.name == name }) {
            if let value = try? context.session.experiment(name) { values.append(value) }
        }
        values.sort { $0.name < $1.name }
        guard !values.isEmpty else {
            context.print("no experiments yet: run autopilot FRAME target=COL as NAME")
            return
        }
        let rows = values.map { e in
            [e.name, e.record.settings.target, e.problem.autopilotName, e.metric.rawValue,
             String(e.candidates.count), e.best.map { "\($0.name) \(Format.metric($0.metric(e.metric) ?? .nan))" } ?? "—"]
        }
        context.print(TextTable(columns: [.init("experiment"), .init("target"), .init("problem"), .init("objective"),
                                          .init("candidates", alignment: .right), .init("best")], rows: rows)
            .render(maxWidth: context.width))
    }

    static let leaderboard = Command(
        "leaderboard", area: .autopilot, usage: "leaderboard EXP [into NAME]",
        summary: "every candidate of an experiment, ranked by the objective",
        discussion: "After the table, a chart of each candidate's objective (also as an SVG image); when the scores are close, its bars start above zero and it says where.",
        examples: ["leaderboard bank", "leaderboard bank into board"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count == 1 else { throw context.commands["leaderboard"]!.usageError("leaderboard takes one experiment") }
        let experiment = try context.session.experiment(words[0])
        guard !experiment.candidates.isEmpty else {
            throw KernelError("experiment '\(experiment.name)' has no trained candidates (candidates_only=yes)",
                              hint: "run autopilot again without candidates_only")
        }
        let metric = experiment.metric
        context.print(Leaderboard.table(experiment.candidates, metric: metric, problem: experiment.problem)
            .render(maxWidth: context.width))
        context.print(Leaderboard.drawing(experiment.candidates, metric: metric, width: context.width))
        context.output.image(svg: Leaderboard.svg(experiment.candidates, metric: metric, experiment: experiment.name),
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
            try FrameCommands.keep(Frame(columns: columns), as: into, origin: "leaderboard \(experiment.name)", context: context)
        }
    }

    static let candidate = Command(
        "candidate", area: .autopilot, usage: "candidate EXP.NAME",
        summary: "a candidate's pipeline, hyperparameters and validation metrics (EXP.best for the best)",
        examples: ["candidate bank.best", "candidate bank.xgboost-dpp0-003"]
    ) { line, context throws(KernelError) in
        guard line.words.count == 1 else { throw context.commands["candidate"]!.usageError("candidate takes EXP.NAME") }
        let (experiment, candidate) = try context.session.candidate(line.words[0])
        let a = experiment.record
        var lines = ["\(experiment.name).\(candidate.name)\(candidate.name == experiment.best?.name ? " (best)" : "")",
                     "  algorithm: \(candidate.algorithm.displayName)"]
        if let members = candidate.members {
            lines.append("  members (greedy ensemble selection on validation): " + members.joined(separator: ", "))
        } else if let pipeline = a.pipelines.first(where: { $0.name == candidate.pipeline }) {
            lines.append("  pipeline: \(candidate.pipeline): \(pipeline.summary)")
            lines.append("  hyperparameters: \(candidate.hyperparameters.summary)")
        }
        if let rounds = candidate.rounds { lines.append("  boosting rounds kept (early stopping): \(rounds)") }
        if let limit = candidate.cutShort { lines.append("  training was cut short by \(limit)") }
        if let threshold = candidate.threshold { lines.append("  decision threshold: \(String(format: "%.4f", threshold))") }
        lines.append("  validation metrics:")
        for m in a.target.problem.reportedMetrics {
            lines.append("    \(m.rawValue.padded(to: 16)) \(candidate.metric(m).map(Format.metric) ?? "?")\(m == a.metric ? "  (objective)" : "")")
        }
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
    }

    static let evaluate = Command(
        "evaluate", area: .autopilot, usage: "evaluate MODEL on FRAME [into NAME]",
        summary: "score a model on a frame with a target column: every metric, the confusion matrix",
        discussion: "For a binary target it also draws the ROC and precision-recall curves, in the output and as SVG images.",
        examples: ["evaluate bank.best on test"]
    ) { line, context throws(KernelError) in
        let (words, into) = try line.trailing("into", in: line.words)
        guard words.count == 3, words[1] == "on" else { throw context.commands["evaluate"]!.usageError("write: evaluate MODEL on FRAME") }
        let (experiment, candidate) = try context.session.candidate(words[0])
        guard candidate.name == experiment.best?.name, let model = experiment.model, let target = model.target else {
            throw KernelError("only the best candidate's model is kept in this session",
                              hint: "evaluate \(experiment.name).best on \(words[2])")
        }
        let frame = try context.session.frame(words[2])
        let column = try frame.requireColumn(target.column, in: words[2])
        let predictions: Predictions
        do throws(AutopilotError) {
            predictions = try model.predict(frame)
        } catch {
            throw KernelError(error.message, hint: error.hint)
        }
        let truthTexts = column.displayValues()
        let labelled = (0..<frame.rowCount).filter { !column.data.isMissing($0) }
        let labels: [Float]
        switch target.problem {
        case .regression: labels = labelled.map { Float(column.data.doubles![$0]) }
        default:
            let index = Dictionary(uniqueKeysWithValues: target.classes.enumerated().map { ($1, Float($0)) })
            labels = labelled.map { index[truthTexts[$0]] ?? -1 }
        }
        let k = max(2, target.classes.count)
        let scores: [Float] = target.problem == .multiclass
            ? labelled.flatMap { row in predictions.scores[(row * k)..<((row + 1) * k)] }
            : labelled.map { predictions.scores[$0] }
        let known = labels.indices.filter { labels[$0] >= 0 }
        let result = Evaluation.metrics(problem: target.problem, labels: known.map { labels[$0] },
                                        scores: target.problem == .multiclass ? known.flatMap { scores[($0 * k)..<(($0 + 1) * k)] } : known.map { scores[$0] },
                                        classes: k, threshold: model.threshold)
        var lines = ["\(experiment.name).\(candidate.name) on \(words[2]) (\(known.count) rows)"]
        for m in target.problem.reportedMetrics {
            lines.append("  \(m.rawValue.padded(to: 16)) \(result.metrics[m.rawValue].map(Format.metric) ?? "?")")
        }
        if target.problem != .regression {
            lines.append("confusion matrix (rows: true class, columns: predicted)")
            var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
            for (i, row) in labelled.enumerated() where labels[i] >= 0 {
                let predicted = target.classes.firstIndex(of: predictions.labels[row]) ?? 0
                counts[Int(labels[i])][predicted] += 1
            }
            let table = TextTable(columns: [.init("")] + target.classes.map { TextTable.Column($0, alignment: .right) },
                                  rows: target.classes.indices.map { [target.classes[$0]] + counts[$0].map(String.init) })
            lines.append(table.render(maxWidth: context.width))
        }
        context.print(lines.joined(separator: "\n"))
        if target.problem == .binary {
            let truth = known.map { labels[$0] }, binaryScores = known.map { scores[$0] }
            let roc = Curves.thinned(Curves.roc(labels: truth, scores: binaryScores))
            let pr = Curves.thinned(Curves.precisionRecall(labels: truth, scores: binaryScores))
            let name = "\(experiment.name).\(candidate.name)"
            context.print(TerminalCurves.sideBySide([
                .init(title: "ROC curve, AUC \(Format.metric(result.metrics["AUC"] ?? .nan))", yLabel: "true positive rate",
                      xLabel: "false positive rate", points: roc.map { ($0.x, $0.y) }, diagonal: true),
                .init(title: "precision-recall curve", yLabel: "precision", xLabel: "recall", points: pr.map { ($0.x, $0.y) }),
            ], width: context.width))
            context.output.image(svg: SVGChart.unitCurves([("AUC \(Format.metric(result.metrics["AUC"] ?? .nan))", roc.map { ($0.x, $0.y) })],
                                                          title: "ROC: \(name) on \(words[2])", xLabel: "false positive rate",
                                                          yLabel: "true positive rate", diagonal: true),
                                 alt: "ROC curve of \(name) on \(words[2])")
            context.output.image(svg: SVGChart.unitCurves([("precision-recall", pr.map { ($0.x, $0.y) })],
                                                          title: "Precision-recall: \(name) on \(words[2])", xLabel: "recall",
                                                          yLabel: "precision", diagonal: false),
                                 alt: "precision-recall curve of \(name) on \(words[2])")
        }
        if let into {
            let metrics = target.problem.reportedMetrics
            let frame = Frame(columns: [Column(name: "metric", data: .strings(metrics.map(\.rawValue))),
                                        Column(name: "value", data: .double(metrics.map { result.metrics[$0.rawValue] ?? .nan }))])
            try FrameCommands.keep(frame, as: into, origin: "evaluate \(words[0])", context: context)
        }
    }
}

extension Session {
    /// The experiment called `name`: from the session, else from the store (then kept in the session).
    func experiment(_ name: String) throws(KernelError) -> ExperimentValue {
        if let value = values[name] as? ExperimentValue { return value }
        let storedNames = (try? store().names()) ?? []
        if storedNames.contains(name) {
            let store = try store()
            do throws(StoreError) {
                if let (record, model) = try store.load(name) {
                    let value = ExperimentValue(record: record, model: model)
                    self.store(value, as: name)
                    return value
                }
            } catch {
                throw KernelError(error.message, hint: "the files in .pilot/\(name) may be damaged: run autopilot again")
            }
        }
        let names = Set(values.filter { $0.value is ExperimentValue }.keys).union(storedNames).sorted()
        throw KernelError("no experiment named '\(name)'",
                          hint: Suggestion.hint(for: name, in: names)
                            ?? (names.isEmpty ? "run autopilot FRAME target=COL as \(name)" : "experiments: " + names.joined(separator: ", ")))
    }

    /// `EXP.best` or `EXP.NAME`.
    func candidate(_ reference: String) throws(KernelError) -> (ExperimentValue, Candidate) {
        guard let dot = reference.firstIndex(of: ".") else {
            throw KernelError("'\(reference)' does not name a candidate", hint: "write EXP.best or EXP.NAME, e.g. \(reference).best")
        }
        let experiment = try experiment(String(reference[..<dot]))
        let name = String(reference[reference.index(after: dot)...])
        if name == "best", let best = experiment.best { return (experiment, best) }
        if let candidate = experiment.candidates.first(where: { $0.name == name }) { return (experiment, candidate) }
        throw KernelError("experiment '\(experiment.name)' has no candidate '\(name)'",
                          hint: Suggestion.hint(for: name, in: experiment.candidates.map(\.name) + ["best"])
                            ?? "see leaderboard \(experiment.name)")
    }
}
