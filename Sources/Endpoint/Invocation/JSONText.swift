import Foundation

/// JSON text from `Encodable` values, written the same way for every answer and error: compact,
/// keys sorted (Foundation's encoder keeps no other order, and a fixed one keeps answers
/// comparable byte for byte), slashes as they are.
enum JSONText {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as JSON text. A float that is not finite has no JSON spelling: give it as nil
    /// (``number(_:)``), and it is written `null`.
    static func encode(_ value: some Encodable) -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // The encoder fails only on a float that is not finite, and every one goes through number(_:).
            preconditionFailure("JSON cannot hold \(type(of: value)): \(error)")
        }
    }

    /// A float for JSON: nil (written `null`) when it is not finite.
    static func number(_ value: Float) -> Float? {
        value.isFinite ? value : nil
    }
}
