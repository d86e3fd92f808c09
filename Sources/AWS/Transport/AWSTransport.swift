import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends signed requests over AsyncHTTPClient, trying again with backoff on throttling, 5xx
/// answers and failed connections, and turning every failure into an ``AWSError``.
struct AWSTransport: Sendable {
    var retry: RetryPolicy
    /// The longest a single request may take, body included.
    var timeout: TimeAmount = .minutes(30)

    /// The one HTTP client: created once, never shut down (it lives as long as the process).
    static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(120)),
            decompression: .disabled))

    /// Turns an error answer (status, headers, body) into an AWSError; protocols differ.
    typealias ErrorDecoder =
        @Sendable (_ status: Int, _ headers: [(name: String, value: String)], _ body: Data) ->
        AWSError

    /// Sends `request` (signed anew for every attempt) and hands a 2xx response to `consume`,
    /// which reads the body as it wants. Error answers are read whole and decoded.
    func send<T: Sendable>(
        _ request: AWSRequest, to endpoint: AWSEndpoint, signer: SigV4Signer, operation: String,
        decodeError: ErrorDecoder, consume: @Sendable (HTTPClientResponse) async throws -> T
    ) async throws(AWSError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw .cancelled(operation) }
            do {
                let response = try await Self.client.execute(
                    prepared(request, endpoint: endpoint, signer: signer), timeout: timeout)
                let status = Int(response.status.code)
                if (200..<300).contains(status) {
                    return try await consume(response)
                }
                var body = try await response.body.collect(upTo: 1 << 20)
                let data = Data(body.readBytes(length: body.readableBytes) ?? [])
                let headers = response.headers.map { (name: $0.name, value: $0.value) }
                var failure = decodeError(status, headers, data)
                failure.operation = operation
                failure.accessKeyId = signer.credentials.accessKeyId
                failure.credentialSource = signer.credentials.source
                failure.attempts = attempt
                guard failure.isRetryable, attempt < retry.maxAttempts else { throw failure }
            } catch let failure as AWSError {
                if !failure.isRetryable || attempt >= retry.maxAttempts { throw failure }
            } catch is CancellationError {
                throw .cancelled(operation)
            } catch {
                if Task.isCancelled { throw .cancelled(operation) }
                let failure = AWSError(
                    code: AWSError.Code.unreachable, message: Self.describe(error), operation: operation,
                    details: [endpoint.description], attempts: attempt)
                if !Self.isConnectionFailure(error) || attempt >= retry.maxAttempts { throw failure }
            }
            do {
                try await Task.sleep(for: .seconds(retry.delay(after: attempt)))
            } catch {
                throw .cancelled(operation)
            }
        }
    }

    /// Sends `request` and reads the whole answer.
    func send(
        _ request: AWSRequest, to endpoint: AWSEndpoint, signer: SigV4Signer, operation: String,
        decodeError: ErrorDecoder
    ) async throws(AWSError) -> AWSResponse {
        try await send(request, to: endpoint, signer: signer, operation: operation, decodeError: decodeError) {
            response in
            var body = try await response.body.collect(upTo: 256 << 20)
            return AWSResponse(
                status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Data(body.readBytes(length: body.readableBytes) ?? []))
        }
    }

    /// The request as AsyncHTTPClient sends it: URL, `Host`, `X-Amz-Date`, the token, the
    /// signature; S3 also gets `x-amz-content-sha256`, the hash of the body.
    private func prepared(_ request: AWSRequest, endpoint: AWSEndpoint, signer: SigV4Signer) -> HTTPClientRequest {
        let path = endpoint.basePath + (request.path.isEmpty ? "/" : request.path)
        let payloadHash = SigV4Signer.payloadHash(request.body)
        var signable = SignableRequest(
            method: request.method, path: path, query: request.query,
            headers: [(name: "Host", value: endpoint.hostHeader)] + request.headers)
        if signer.service == "s3" { signable.headers.append((name: "x-amz-content-sha256", value: payloadHash)) }
        signer.sign(&signable, payloadHash: payloadHash, date: Date())
        let query = request.encodedQuery
        var outgoing = HTTPClientRequest(
            url: "\(endpoint.scheme)://\(endpoint.hostHeader)\(path)\(query.isEmpty ? "" : "?" + query)")
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in signable.headers { outgoing.headers.add(name: name, value: value) }
        if let report = request.bodyProgress, !request.body.isEmpty {
            outgoing.body = .stream(
                ProgressBody(data: request.body, chunkSize: 256 << 10, report: report),
                length: .known(Int64(request.body.count)))
        } else if !request.body.isEmpty || ["PUT", "POST"].contains(request.method) {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        return outgoing
    }

    /// Reset, closed or timed-out connections: worth another attempt. A connection that cannot be
    /// made at all is not: AsyncHTTPClient has already kept trying for its connect timeout.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let client = error as? HTTPClientError {
            return [.remoteConnectionClosed, .readTimeout].contains(client)
        }
        if let io = error as? IOError { return [ECONNRESET, EPIPE].contains(io.errnoCode) }
        return error is ChannelError && !String(describing: error).contains("connect")
    }

    static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return "the connection timed out"
            case .readTimeout, .deadlineExceeded: return "no answer in time"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: break
            }
        }
        return text
    }
}
