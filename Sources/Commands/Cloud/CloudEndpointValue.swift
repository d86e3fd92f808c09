import Cloud
import Kernel

/// A SageMaker endpoint this session made or found: where it is and what it serves. Unlike a
/// local endpoint it outlives the session (and costs money) until `cleanup` deletes it.
public final class CloudEndpointValue: SessionValue {
    public let name: String
    /// Its name on SageMaker (letters, digits and hyphens).
    public let endpointName: String
    /// The model it serves, as written in `deploy` (`bank.best`), and its experiment.
    public let modelName: String
    public let experiment: String
    public let region: String
    public let instance: String
    public internal(set) var status: String
    /// Whether the candidate answers a probability beside the label.
    public let answersProbability: Bool
    var requestsSent = 0

    init(
        name: String, endpointName: String, modelName: String, experiment: String, region: String, instance: String,
        status: String, answersProbability: Bool
    ) {
        self.name = name
        self.endpointName = endpointName
        self.modelName = modelName
        self.experiment = experiment
        self.region = region
        self.instance = instance
        self.status = status
        self.answersProbability = answersProbability
    }

    public var kind: String { "endpoint" }
    public var summary: String { "\(modelName) on SageMaker in \(region) (\(instance)): \(status)" }

    /// SageMaker's rules for endpoint names: letters, digits and single hyphens, 63 at most.
    static func sageMakerName(_ name: String) -> String {
        var text = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "-") }
        let trimmed = text.split(separator: "-").joined(separator: "-")
        return String((trimmed.isEmpty ? "pilot-endpoint" : trimmed).prefix(63))
    }
}
