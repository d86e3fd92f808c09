import Foundation

/// How each AWS protocol reports errors, decoded into ``AWSError``.
enum ErrorDecoding {
    /// REST-XML (S3): `<Error><Code>NoSuchBucket</Code><Message>…</Message></Error>`. HEAD answers
    /// have no body, so the status names the error then.
    static func restXML(
        status: Int, headers: [(name: String, value: String)], body: Data
    ) -> AWSError {
        let xml = XMLFields(body)
        let code = xml.first("Code") ?? fallbackCode(status)
        return AWSError(code: code, message: xml.first("Message") ?? "", status: status)
    }

    /// JSON 1.1 and REST-JSON: `{"__type": "…#ValidationException", "message": "…"}`, or the
    /// `x-amzn-ErrorType` header (`ValidationException:http://…`).
    static func json(
        status: Int, headers: [(name: String, value: String)], body: Data
    ) -> AWSError {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            // Some failures (a bad signature behind a proxy, moto) come back as XML even here.
            if body.first == UInt8(ascii: "<") { return restXML(status: status, headers: headers, body: body) }
            let code = headers.first { $0.name.lowercased() == "x-amzn-errortype" }?.value
            return AWSError(code: sanitizedCode(code ?? fallbackCode(status)), message: "", status: status)
        }
        let header = headers.first { $0.name.lowercased() == "x-amzn-errortype" }?.value
        let raw = header ?? (object["__type"] as? String) ?? (object["code"] as? String) ?? fallbackCode(status)
        let message = (object["message"] ?? object["Message"] ?? object["errorMessage"]) as? String ?? ""
        return AWSError(code: sanitizedCode(raw), message: message, status: status)
    }

    /// Query protocol (IAM, STS): `<ErrorResponse><Error><Code>…`, the same fields as REST-XML.
    static func query(
        status: Int, headers: [(name: String, value: String)], body: Data
    ) -> AWSError {
        restXML(status: status, headers: headers, body: body)
    }

    /// `aws.protocoltests#FooError:http://…` → `FooError`.
    static func sanitizedCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    static func fallbackCode(_ status: Int) -> String {
        switch status {
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 429: return "TooManyRequests"
        case 500...599: return "ServerError"
        default: return "HTTP\(status)"
        }
    }
}
