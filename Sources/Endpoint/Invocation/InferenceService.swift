import Autopilot
import Diagnostics
import Foundation
import Frames
import Serving
import Synchronization

/// The SageMaker inference-container contract, without sockets: a request's body and headers
/// in, a status, a content type and a body out. The HTTP router is a thin layer on top.
///
/// ```swift
/// let service = try InferenceService(model)
/// let reply = service.invoke(InferenceRequest(body: Array("56,housemaid,...\n".utf8), contentType: "text/csv"))
/// // reply.status == 200, reply.body == "no\n"
/// ```
public final class InferenceService: Sendable {
    /// The largest body an invocation takes, in megabytes (SageMaker's `MaxPayloadInMB`).
    public static let maxPayloadInMB = 6
    public static var maxPayloadBytes: Int { maxPayloadInMB * 1_000_000 }

    public let model: ServedModel
    /// The endpoint's name: SageMaker Runtime's `EndpointName`, in `/endpoints/NAME/invocations`.
    public let endpointName: String
    private let replicas: ModelReplicas
    private let served = Atomic<Int>(0)

    /// Loads `model` (once, to check it loads).
    ///
    /// - Parameter endpointName: the name it answers to; by default the model's reference with
    ///   `.` as `-` (``ServedModel/endpointName(for:)``).
    /// - Throws: ``Diagnostic`` when the model cannot be rebuilt from its archive.
    public init(_ model: ServedModel, endpointName: String? = nil) throws(Diagnostic) {
        self.model = model
        self.endpointName = endpointName ?? ServedModel.endpointName(for: model.name)
        do throws(AutopilotError) {
            replicas = try ModelReplicas(archive: model.archive, files: model.files)
        } catch {
            throw Diagnostic("cannot load \(model.name): \(error.message)", hint: error.hint)
        }
    }

    /// How many invocations have been answered, refusals included.
    public var requestsServed: Int { served.load(ordering: .relaxed) }

    /// `GET /ping`: the model is loaded (it is, once the service exists).
    public func ping() -> InferenceReply {
        InferenceReply(status: 200, contentType: "text/plain", body: "")
    }

    /// `GET /execution-parameters`, as SageMaker batch transform asks it of a container.
    public func executionParameters() -> InferenceReply {
        let parameters = ExecutionParameters(
            maxConcurrentTransforms: ProcessInfo.processInfo.activeProcessorCount,
            batchStrategy: "MULTI_RECORD", maxPayloadInMB: Self.maxPayloadInMB)
        return InferenceReply(status: 200, contentType: MediaType.json.rawValue, body: JSONText.encode(parameters))
    }

    /// The answer to `GET /execution-parameters`, named as SageMaker names them.
    private struct ExecutionParameters: Encodable {
        var maxConcurrentTransforms: Int
        var batchStrategy: String
        var maxPayloadInMB: Int

        enum CodingKeys: String, CodingKey {
            case maxConcurrentTransforms = "MaxConcurrentTransforms"
            case batchStrategy = "BatchStrategy"
            case maxPayloadInMB = "MaxPayloadInMB"
        }
    }

    /// `POST /invocations`: rows in, predictions out; a refusal is a 4xx with a JSON error.
    public func invoke(_ request: InferenceRequest) -> InferenceReply {
        served.add(1, ordering: .relaxed)
        do throws(InvocationError) {
            return try answer(request)
        } catch {
            return InferenceReply(status: error.status.rawValue, contentType: MediaType.json.rawValue, body: error.json)
        }
    }

    /// Counts and answers a request refused before its body was read (one too large, say).
    public func refuse(_ error: InvocationError) -> InferenceReply {
        served.add(1, ordering: .relaxed)
        return InferenceReply(status: error.status.rawValue, contentType: MediaType.json.rawValue, body: error.json)
    }

    private func answer(_ request: InferenceRequest) throws(InvocationError) -> InferenceReply {
        let bodyType = try MediaType.ofBody(request.contentType)
        let replyType = try MediaType.forReply(request.accept)
        let keys = try responseKeys(request.keys)
        guard request.body.count <= Self.maxPayloadBytes else { throw Self.tooLarge(request.body.count) }
        guard request.body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw InvocationError(.badRequest, "the body is empty: send one or more rows")
        }
        let frame = try frame(request.body, as: bodyType)
        let predictions: Predictions
        do throws(AutopilotError) {
            predictions = try replicas.withModel { model throws(AutopilotError) in try model.predict(frame) }
        } catch {
            throw InvocationError(.badRequest, "the model cannot predict these rows: \(error.message)")
        }
        let body = ResponseBody(keys: keys, target: model.archive.target).encode(predictions, as: replyType)
        return InferenceReply(status: 200, contentType: replyType.rawValue, body: body)
    }

    /// The request's rows as a frame of the model's input columns.
    func frame(_ body: [UInt8], as type: MediaType) throws(InvocationError) -> Frame {
        let rows: [[RequestFrame.Cell]]
        switch type {
        case .csv:
            rows = try Self.csvRows(body)
        case .json, .jsonLines:
            rows = try JSONInstances.parse(body, columns: model.inputs.columns.map(\.name))
        }
        guard !rows.isEmpty else { throw InvocationError(.badRequest, "the body is empty: send one or more rows") }
        var builder = RequestFrame(schema: model.inputs, capacity: rows.count)
        for row in rows { try builder.append(row) }
        return builder.frame()
    }

    /// The records of a `text/csv` request body, every field as its text (the schema decides
    /// what is a number), read by Frames' reader as RFC 4180 writes them: comma-separated fields,
    /// fields in double quotes may hold commas, line breaks and doubled quotes (`""`); lines end
    /// in LF or CRLF. Blank lines are skipped.
    ///
    /// - Throws: ``InvocationError`` when a quoted field is never closed, naming its row.
    private static func csvRows(_ body: [UInt8]) throws(InvocationError) -> [[RequestFrame.Cell]] {
        var reader = CSVRecordReader(body)
        var rows: [[RequestFrame.Cell]] = []
        do throws(CSVError) {
            while let fields = try reader.next() { rows.append(fields.map(RequestFrame.Cell.text)) }
        } catch {
            // The reader's one failure: the record after those read opens a quote it never closes.
            let row = reader.count + 1
            throw InvocationError(.badRequest, "row \(row): a quoted field is never closed", row: row)
        }
        return rows
    }

    /// The keys of `?keys=...`, else the endpoint's defaults.
    private func responseKeys(_ text: String?) throws(InvocationError) -> [ResponseKey] {
        guard let text, !text.isEmpty else { return model.defaultKeys }
        do throws(Diagnostic) {
            return try ResponseKey.list(text, for: model.problem)
        } catch {
            throw InvocationError(.badRequest, error.message + (error.hint.map { " (\($0))" } ?? ""))
        }
    }

    /// The refusal of a body over ``maxPayloadInMB``.
    public static func tooLarge(_ bytes: Int?) -> InvocationError {
        let size = bytes.map { " (\(($0 + 500_000) / 1_000_000) MB)" } ?? ""
        return InvocationError(
            .contentTooLarge,
            "the body is too large\(size): at most \(maxPayloadInMB) MB per request; split the rows over several "
                + "requests"
        )
    }
}

/// A request to ``InferenceService/invoke(_:)``.
public struct InferenceRequest: Sendable {
    public var body: [UInt8]
    public var contentType: String?
    public var accept: String?
    /// Response keys asked for (`predicted_label,probability`), else the endpoint's defaults.
    public var keys: String?

    public init(body: [UInt8], contentType: String? = nil, accept: String? = nil, keys: String? = nil) {
        self.body = body
        self.contentType = contentType
        self.accept = accept
        self.keys = keys
    }
}

/// What ``InferenceService`` answers.
public struct InferenceReply: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String
    /// Headers besides `Content-Type`, by name (SageMaker Runtime's `x-amzn-ErrorType`, say).
    public var headers: [String: String]

    public init(status: Int, contentType: String, body: String, headers: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }
}
