import Hummingbird
import Serving

/// The HTTP face of an ``InferenceService``: SageMaker's container routes over Hummingbird.
///
/// | route | answer |
/// |---|---|
/// | `GET /ping` | 200 once the model is loaded |
/// | `POST /invocations[?keys=predicted_label,probability]` | predictions, or a 4xx with a JSON error |
/// | `GET /execution-parameters` | `MaxConcurrentTransforms`, `BatchStrategy`, `MaxPayloadInMB` |
public enum EndpointRouter {
    /// A router answering for `service`.
    public static func make(_ service: InferenceService) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("ping") { _, _ in response(service.ping()) }
        router.get("execution-parameters") { _, _ in response(service.executionParameters()) }
        router.post("invocations") { request, _ in
            let limit = InferenceService.maxPayloadBytes
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
                return response(service.refuse(InferenceService.tooLarge(length)))
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                return response(service.refuse(InferenceService.tooLarge(nil)))
            }
            let invocation = InferenceRequest(
                body: Array(buffer.readableBytesView),
                contentType: request.headers[.contentType],
                accept: request.headers[.accept],
                keys: request.uri.queryParameters.get("keys"))
            return response(service.invoke(invocation))
        }
        return router
    }

    private static func response(_ reply: InferenceReply) -> Response {
        Response(
            status: .init(code: reply.status), headers: [.contentType: reply.contentType],
            body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
