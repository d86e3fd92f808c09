import Hummingbird
import Serving

/// The HTTP face of an ``InferenceService``: SageMaker's container routes, and SageMaker Runtime's
/// `InvokeEndpoint` beside them, over Hummingbird.
///
/// | route | answer |
/// |---|---|
/// | `GET /ping` | 200 once the model is loaded |
/// | `POST /invocations[?keys=predicted_label,probability]` | predictions, or a 4xx with a JSON error |
/// | `POST /endpoints/NAME/invocations` | the same, as SageMaker Runtime answers (``SageMakerRuntime``) |
/// | `GET /execution-parameters` | `MaxConcurrentTransforms`, `BatchStrategy`, `MaxPayloadInMB` |
public enum EndpointRouter {
    /// A router answering for `service`.
    public static func make(_ service: InferenceService) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("ping") { _, _ in response(service.ping()) }
        router.get("execution-parameters") { _, _ in response(service.executionParameters()) }
        router.post("invocations") { request, _ in
            response(try await invoke(service, request))
        }
        router.post("endpoints/:name/invocations") { request, context in
            let name = context.parameters.get("name") ?? ""
            guard name == service.endpointName else { return response(SageMakerRuntime.unknownEndpoint(name)) }
            return response(SageMakerRuntime.passOn(try await invoke(service, request)))
        }
        return router
    }

    /// `POST /invocations`: the body (refused past ``InferenceService/maxPayloadBytes``), the
    /// content type, `Accept` and `?keys=` to the service. Both invocation routes answer with it.
    private static func invoke(_ service: InferenceService, _ request: Request) async throws -> InferenceReply {
        let limit = InferenceService.maxPayloadBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return service.refuse(InferenceService.tooLarge(length))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return service.refuse(InferenceService.tooLarge(nil))
        }
        let invocation = InferenceRequest(
            body: Array(buffer.readableBytesView),
            contentType: request.headers[.contentType],
            accept: request.headers[.accept],
            keys: request.uri.queryParameters.get("keys"))
        return service.invoke(invocation)
    }

    private static func response(_ reply: InferenceReply) -> Response {
        var headers: HTTPFields = [.contentType: reply.contentType]
        for (name, value) in reply.headers {
            if let name = HTTPFields.Element.Name(name) { headers[name] = value }
        }
        return Response(
            status: .init(code: reply.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
