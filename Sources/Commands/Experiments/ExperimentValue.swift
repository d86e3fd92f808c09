import Autopilot
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel

/// An Autopilot experiment held by the session: what it decided and measured, and the best
/// candidate's model. Saved in the experiment store (`.pilot/`) as soon as it finishes, and
/// found there again by name in a later session.
public final class ExperimentValue: SessionValue {
    public let record: ExperimentRecord
    public let model: TrainedModel?

    init(record: ExperimentRecord, model: TrainedModel?) {
        self.record = record
        self.model = model
    }

    public var name: String { record.name }
    public var candidates: [Candidate] { record.candidates }
    public var best: Candidate? { record.bestCandidate }
    public var metric: Metric { record.metric }
    public var problem: ProblemType { record.target.problem }

    public var kind: String { "experiment" }

    public var summary: String {
        guard let best else { return "candidate definitions only (target \(record.settings.target))" }
        let value = best.metric(metric).map(Format.metric) ?? "?"
        return "\(candidates.count) candidates; best \(best.name), \(metric.rawValue) \(value)"
    }
}

/// Numbers as the experiment commands print them.
enum Format {
    /// Four decimals: `0.6512`.
    static func metric(_ value: Double) -> String {
        value.isNaN ? "NaN" : String(format: "%.4f", value)
    }
}

extension Session {
    /// The experiment store beside the workbook, opened on first use and kept open.
    func store() throws -> ExperimentStore {
        do {
            return try attachment(ExperimentStore.self) { try ExperimentStore(workingDirectory: workingDirectory) }
        } catch {
            throw Diagnostic(error).hinting("check that the workbook's folder is writable")
        }
    }
}
