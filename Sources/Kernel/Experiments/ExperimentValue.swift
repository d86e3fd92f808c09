import Autopilot
import Frames

/// An Autopilot experiment held by the session: its settings, what the analysis decided, its
/// candidates, and the best candidate's model.
public final class ExperimentValue: SessionValue {
    public let name: String
    public let settings: AutopilotSettings
    public let analysis: AutopilotJob.Analysis
    public let candidates: [Candidate]
    public let best: Candidate?
    public let model: TrainedModel?

    init(name: String, settings: AutopilotSettings, analysis: AutopilotJob.Analysis, candidates: [Candidate],
         best: Candidate?, model: TrainedModel?) {
        self.name = name
        self.settings = settings
        self.analysis = analysis
        self.candidates = candidates
        self.best = best
        self.model = model
    }

    public var kind: String { "experiment" }

    public var summary: String {
        guard let best else { return "candidate definitions only (target \(settings.target))" }
        let value = best.metric(analysis.metric).map(Format.metric) ?? "?"
        return "\(candidates.count) candidates; best \(best.name), \(analysis.metric.rawValue) \(value)"
    }
}

/// Numbers as the experiment commands print them.
enum Format {
    /// Four decimals: `0.6512`.
    static func metric(_ value: Double) -> String {
        value.isNaN ? "NaN" : String(format: "%.4f", value)
    }
}

import Foundation
