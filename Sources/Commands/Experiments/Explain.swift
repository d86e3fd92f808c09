import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

/// `explain MODEL on FRAME [into NAME]`: feature importance.
struct Explain: CellCommand {
    static let configuration = CommandConfiguration(
        "explain", area: .autopilot,
        summary: "feature importance: each column's mean absolute SHAP contribution, with a chart",
        discussion: """
            Measured on up to 2000 rows of FRAME (evenly spaced). One-hot and missing-flag columns count for the \
            column they came from.
            """,
        examples: ["explain bank.best on train"])

    @Argument(.model) var model: String
    @Argument(.frame, after: "on") var frame: String
    @Clause("into", .name) var into: String?

    func run(in context: CommandContext) throws {
        let (experiment, candidate) = try context.session.candidate(model)
        guard candidate.name == experiment.best?.name, let trained = experiment.model else {
            throw Diagnostic(
                "only the best candidate's model is kept", hint: "explain \(experiment.name).best on \(frame)")
        }
        let data = try context.session.frame(frame)
        let entries: [FeatureImportance.Entry]
        do throws(AutopilotError) {
            entries = try FeatureImportance.of(trained, on: data)
        } catch {
            throw error
        }
        let total = max(entries.reduce(0) { $0 + $1.meanAbsoluteContribution }, 1e-12)
        let top = entries.first?.meanAbsoluteContribution ?? 1
        let table = TextTable(
            columns: [
                .init("feature"), .init("mean |SHAP|", alignment: .right), .init("share", alignment: .right), .init(""),
            ],
            rows: entries.map { e in
                [
                    e.feature, String(format: "%.4f", e.meanAbsoluteContribution),
                    String(format: "%.1f%%", e.meanAbsoluteContribution / total * 100),
                    TerminalBars.bar(e.meanAbsoluteContribution, of: top, width: 24),
                ]
            })
        context.print(
            "feature importance of \(experiment.name).\(candidate.name) on \(frame) (\(min(data.rowCount, 2000)) rows)")
        context.print(table.render(maxWidth: context.width))
        let shown = Array(entries.prefix(12))
        context.output.image(
            svg: SVGChart.horizontalBars(
                labels: shown.map(\.feature), values: shown.map(\.meanAbsoluteContribution),
                valueTexts: shown.map { String(format: "%.4f", $0.meanAbsoluteContribution) },
                title: "feature importance: \(experiment.name).\(candidate.name)"),
            alt: "feature importance of \(experiment.name).\(candidate.name)")
        if let into {
            let result = Frame(columns: [
                Column(name: "feature", data: .strings(entries.map(\.feature))),
                Column(name: "mean_abs_shap", data: .double(entries.map(\.meanAbsoluteContribution))),
            ])
            context.keep(result, as: into, origin: "explain \(model)")
        }
    }
}
