import Autopilot
import Diagnostics
import Foundation

/// Serves models over HTTP and talks to what it serves. The kernel owns this protocol; the
/// `Endpoint` module implements it with Hummingbird and the executable plugs it in, so the
/// kernel and its tests stay free of sockets.
public protocol EndpointHost: Sendable {
    /// Starts serving `model` on 127.0.0.1 as the endpoint `name` and returns once it listens.
    ///
    /// - Parameters:
    ///   - name: the endpoint's name, as SageMaker Runtime's `EndpointName` (the path
    ///     `/endpoints/NAME/invocations`).
    ///   - port: the port to listen on; 0 lets the system pick one; `nil` takes the first free port
    ///     from ``defaultPort`` up (so a workbook's output names the same URL each run).
    /// - Throws: ``Diagnostic`` when the port is taken or the model cannot be loaded.
    func start(_ model: ServedModel, name: String, port: Int?) throws(Diagnostic) -> any RunningEndpoint

    /// Sends one request to `url` (an endpoint's `/invocations`, say) and waits for the reply.
    ///
    /// - Throws: ``Diagnostic`` when nothing answers; an HTTP error status is a reply, not an error.
    func send(_ request: EndpointRequest, to url: String) throws(Diagnostic) -> EndpointReply
}

/// SageMaker's containers listen on 8080.
public let defaultPort = 8080

/// An endpoint that is serving. It stops when ``stop()`` is called or when it is released.
public protocol RunningEndpoint: AnyObject, Sendable {
    /// Where it listens, e.g. `http://127.0.0.1:8080`.
    var url: String { get }
    /// The port it listens on.
    var port: Int { get }
    /// How many invocations it has answered (errors included).
    var requestsServed: Int { get }
    /// Stops listening and frees the port; returns once it has stopped. Stopping twice is harmless.
    func stop()
}

/// A trained model as an endpoint receives it: everything needed to rebuild and run it on any
/// thread, with the columns requests carry and the response keys it answers with by default.
public struct ServedModel: Sendable {
    /// The model's name as the user wrote it, e.g. `bank.best`.
    public var name: String
    /// The model's description and its booster files (XGBoost JSON), as the experiment store keeps them.
    public var archive: ModelArchive
    public var files: [String: [UInt8]]
    /// The columns of a request row, in order.
    public var inputs: InputSchema
    /// What a response holds when a request does not say (SageMaker's `SAGEMAKER_INFERENCE_OUTPUT`).
    public var defaultKeys: [ResponseKey]

    public init(
        name: String, archive: ModelArchive, files: [String: [UInt8]], inputs: InputSchema,
        defaultKeys: [ResponseKey] = [.predictedLabel]
    ) {
        self.name = name
        self.archive = archive
        self.files = files
        self.inputs = inputs
        self.defaultKeys = defaultKeys
    }

    /// `model` packed for serving.
    ///
    /// - Throws: ``Diagnostic`` when a booster cannot be serialized.
    public init(
        name: String, model: TrainedModel, inputs: InputSchema, defaultKeys: [ResponseKey] = [.predictedLabel]
    )
        throws(Diagnostic)
    {
        do throws(AutopilotError) {
            let (archive, files) = try ModelArchive.make(model)
            self.init(name: name, archive: archive, files: files, inputs: inputs, defaultKeys: defaultKeys)
        } catch {
            throw Diagnostic("cannot pack \(name) for serving: \(error.message)", hint: error.hint)
        }
    }

    /// The problem the model solves.
    public var problem: ProblemType { archive.target.problem }

    /// The endpoint name a model is served as when none is given: its reference with `.` as `-`
    /// (`bank.best` → `bank-best`), as SageMaker's endpoint names have no dots.
    public static func endpointName(for reference: String) -> String {
        reference.replacingOccurrences(of: ".", with: "-")
    }
}

/// The inference response keys of SageMaker Autopilot's containers.
public enum ResponseKey: String, Sendable, CaseIterable, Codable {
    /// The predicted class name (or value, for regression).
    case predictedLabel = "predicted_label"
    /// P(positive class) for binary models; the predicted class's probability for multiclass.
    case probability
    /// Every class's probability, in ``labels`` order.
    case probabilities
    /// The class names.
    case labels

    /// The keys a model of `problem` can answer with.
    public static func supported(by problem: ProblemType) -> [ResponseKey] {
        problem == .regression ? [.predictedLabel] : allCases
    }

    /// Parses `predicted_label,probability`.
    ///
    /// - Throws: ``Diagnostic`` naming an unknown key, or a key `problem` cannot answer.
    public static func list(_ text: String, for problem: ProblemType) throws(Diagnostic) -> [ResponseKey] {
        var keys: [ResponseKey] = []
        let supported = supported(by: problem)
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let key = ResponseKey(rawValue: name) else {
                throw Diagnostic(
                    "'\(name)' is not a response key",
                    hint: Suggestion.hint(for: name, in: allCases.map(\.rawValue))
                        ?? "keys are " + allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard supported.contains(key) else {
                throw Diagnostic("a \(problem.rawValue) model has no \(name)", hint: "keys=predicted_label")
            }
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}

/// An HTTP request to an endpoint.
public struct EndpointRequest: Sendable {
    public var method: String
    /// The path and query, e.g. `/invocations?keys=predicted_label,probability`.
    public var path: String
    public var contentType: String?
    public var accept: String?
    public var body: [UInt8]

    public init(
        method: String = "POST", path: String, contentType: String? = nil, accept: String? = nil,
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.contentType = contentType
        self.accept = accept
        self.body = body
    }
}

/// An endpoint's answer.
public struct EndpointReply: Sendable, Equatable {
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]

    public init(status: Int, contentType: String? = nil, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
