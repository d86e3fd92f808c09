import Foundation

/// JSON as AWS's JSON protocols spell it: member names in PascalCase (`AutoMLJobName`), Swift's
/// in camelCase (`autoMLJobName`). Only the first letter changes, so `S3Uri` is `s3Uri`. Keys
/// of maps (an `Environment`'s `SAGEMAKER_INFERENCE_OUTPUT`) go through the same strategy, so a
/// key with an underscore, or in capitals only, is left as it is: no member name looks like that.
enum AWSJSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .custom { path in
            AnyKey(path.last.map { $0.intValue == nil ? capitalized($0.stringValue) : $0.stringValue } ?? "")
        }
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            guard let last = path.last, last.intValue == nil else { return path.last ?? AnyKey("") }
            return AnyKey(lowercased(last.stringValue))
        }
        return decoder
    }

    static func capitalized(_ name: String) -> String {
        isMapKey(name) ? name : name.prefix(1).uppercased() + name.dropFirst()
    }

    static func lowercased(_ name: String) -> String {
        isMapKey(name) ? name : name.prefix(1).lowercased() + name.dropFirst()
    }

    /// `SAGEMAKER_PROGRAM`, `AWS`: a map's key, never a member name.
    static func isMapKey(_ name: String) -> Bool {
        name.contains("_") || name.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension AWSClient {
    /// A JSON 1.1 call with Codable shapes in and out (member names as AWS spells them).
    public func call<Input: Encodable, Output: Decodable>(
        _ service: AWSService, target: String, _ input: Input, as output: Output.Type = Output.self
    ) async throws(AWSError) -> Output {
        let body: Data
        do {
            body = try AWSJSONCoding.encoder.encode(input)
        } catch {
            throw AWSError(
                code: AWSError.Code.invalidResponse, message: "the request is not JSON: \(error)", operation: target)
        }
        let answer = try await call(service, target: target, body: body)
        do {
            return try AWSJSONCoding.decoder.decode(Output.self, from: answer.isEmpty ? Data("{}".utf8) : answer)
        } catch {
            throw AWSError(
                code: AWSError.Code.invalidResponse,
                message: "the answer does not read as \(Output.self): \(error)", operation: target)
        }
    }
}

/// An answer with nothing in it worth reading.
public struct NoOutput: Decodable, Sendable {}
