import Cloud
import Kernel

/// An experiment whose job runs on SageMaker, held by the session: the record of the job (saved
/// in `.pilot/` so a later session finds it) and its candidates once they have been listed.
public final class CloudExperimentValue: SessionValue {
    public internal(set) var record: CloudExperimentRecord
    /// The candidates, best first, once `leaderboard` has listed them.
    var candidates: [CloudCandidate]?

    init(record: CloudExperimentRecord) {
        self.record = record
    }

    public var name: String { record.name }
    public var kind: String { "experiment" }

    public var summary: String {
        let status = record.state.map { JobStages.statusText($0) } ?? "starting"
        var text = "SageMaker job in \(record.region): \(status)"
        if let best = record.state?.best {
            text += "; best \(best.name)"
            if let value = best.objectiveValue { text += ", \(best.objective ?? "objective") \(Format.metric(value))" }
        }
        return text
    }
}
