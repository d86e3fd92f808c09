import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

/// `evaluate MODEL on FRAME [into NAME]`: every metric on held-out rows.
struct Evaluate: CellCommand {
    static let configuration = CommandConfiguration(
        "evaluate", area: .autopilot,
        summary: "score a model on a frame with a target column: every metric, the confusion matrix",
        discussion:
            "For a binary target it also draws the ROC and precision-recall curves, in the output and as SVG images.",
        examples: ["evaluate bank.best on test"])

    @Argument(.model) var model: String
    @Argument(.frame, after: "on") var frame: String
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let (experiment, candidate) = try context.session.candidate(model)
        guard candidate.name == experiment.best?.name, let trained = experiment.model, let target = trained.target
        else {
            throw Diagnostic(
                "only the best candidate's model is kept in this session",
                hint: "evaluate \(experiment.name).best on \(frame)")
        }
        let data = try context.session.frame(frame)
        let column = try data.requireColumn(target.column, in: frame)
        let predictions: Predictions
        do throws(AutopilotError) {
            predictions = try trained.predict(data)
        } catch {
            throw error
        }
        let truthTexts = column.displayValues()
        let labelled = (0..<data.rowCount).filter { !column.data.isMissing($0) }
        let labels: [Float]
        switch target.problem {
        case .regression: labels = labelled.map { Float(column.data.doubles![$0]) }
        default:
            let index = Dictionary(uniqueKeysWithValues: target.classes.enumerated().map { ($1, Float($0)) })
            labels = labelled.map { index[truthTexts[$0]] ?? -1 }
        }
        let k = max(2, target.classes.count)
        let scores: [Float] =
            target.problem == .multiclass
            ? labelled.flatMap { row in predictions.scores[(row * k)..<((row + 1) * k)] }
            : labelled.map { predictions.scores[$0] }
        let known = labels.indices.filter { labels[$0] >= 0 }
        let result = Evaluation.metrics(
            problem: target.problem, labels: known.map { labels[$0] },
            scores: target.problem == .multiclass
                ? known.flatMap { scores[($0 * k)..<(($0 + 1) * k)] } : known.map { scores[$0] },
            classes: k, threshold: trained.threshold)
        var lines = ["\(experiment.name).\(candidate.name) on \(frame) (\(known.count) rows)"]
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
            let table = TextTable(
                columns: [.init("")] + target.classes.map { TextTable.Column($0, alignment: .right) },
                rows: target.classes.indices.map { [target.classes[$0]] + counts[$0].map(String.init) })
            lines.append(table.render(maxWidth: context.width))
        }
        context.print(lines.joined(separator: "\n"))
        if target.problem == .binary {
            let truth = known.map { labels[$0] }, binaryScores = known.map { scores[$0] }
            let roc = Curves.thinned(Curves.roc(labels: truth, scores: binaryScores))
            let pr = Curves.thinned(Curves.precisionRecall(labels: truth, scores: binaryScores))
            let name = "\(experiment.name).\(candidate.name)"
            context.print(
                TerminalCurves.sideBySide(
                    [
                        .init(
                            title: "ROC curve, AUC \(Format.metric(result.metrics["AUC"] ?? .nan))",
                            yLabel: "true positive rate",
                            xLabel: "false positive rate", points: roc.map { ($0.x, $0.y) }, diagonal: true),
                        .init(
                            title: "precision-recall curve", yLabel: "precision", xLabel: "recall",
                            points: pr.map { ($0.x, $0.y) }),
                    ], width: context.width))
            context.output.image(
                svg: SVGChart.unitCurves(
                    [("AUC \(Format.metric(result.metrics["AUC"] ?? .nan))", roc.map { ($0.x, $0.y) })],
                    title: "ROC: \(name) on \(frame)", xLabel: "false positive rate",
                    yLabel: "true positive rate", diagonal: true),
                alt: "ROC curve of \(name) on \(frame)")
            context.output.image(
                svg: SVGChart.unitCurves(
                    [("precision-recall", pr.map { ($0.x, $0.y) })],
                    title: "Precision-recall: \(name) on \(frame)", xLabel: "recall",
                    yLabel: "precision", diagonal: false),
                alt: "precision-recall curve of \(name) on \(frame)")
        }
        if let into {
            let metrics = target.problem.reportedMetrics
            let scores = Frame(columns: [
                Column(name: "metric", data: .strings(metrics.map(\.rawValue))),
                Column(name: "value", data: .double(metrics.map { result.metrics[$0.rawValue] ?? .nan })),
            ])
            context.keep(scores, as: into, origin: "evaluate \(model)")
        }
    }
}
