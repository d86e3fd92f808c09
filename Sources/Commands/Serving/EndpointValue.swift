import Autopilot
import Kernel
import Serving

/// A deployed model held by the session: the running endpoint and what it serves. It stops when
/// `cleanup` says so, or when the session lets go of it (a `reset`, the end of the session).
public final class EndpointValue: SessionValue {
    public let name: String
    /// The model it serves, as written in `deploy` (`bank.best`).
    public let modelName: String
    /// The experiment that model belongs to.
    public let experiment: String
    public let served: ServedModel
    public let endpoint: any RunningEndpoint

    init(name: String, modelName: String, experiment: String, served: ServedModel, endpoint: any RunningEndpoint) {
        self.name = name
        self.modelName = modelName
        self.experiment = experiment
        self.served = served
        self.endpoint = endpoint
    }

    deinit {
        endpoint.stop()
    }

    public var kind: String { "endpoint" }
    public var summary: String { "\(modelName) at \(endpoint.url)" }
}
