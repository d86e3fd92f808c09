import Crypto

/// Signs and checks messages with the connection file's key: HMAC-SHA256 over the header,
/// parent header, metadata and content frames, as lowercase hex. With an empty key, messages
/// carry an empty signature and every signature is accepted (the protocol's "no signing").
public struct MessageSigner: Sendable {
    /// The key's bytes (swift-crypto's `SymmetricKey` is not `Sendable`; one is made per message).
    private let key: [UInt8]?

    public init(key: String) {
        self.key = key.isEmpty ? nil : Array(key.utf8)
    }

    /// The signature of the four signed frames.
    public func signature(_ frames: [[UInt8]]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        for frame in frames { hmac.update(data: frame) }
        return Self.hex(hmac.finalize())
    }

    /// Whether `signature` is the one the frames should carry; compared in constant time.
    public func isValid(_ signature: [UInt8], for frames: [[UInt8]]) -> Bool {
        guard key != nil else { return true }
        let expected = Array(self.signature(frames).utf8)
        guard expected.count == signature.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, signature) { difference |= a ^ b }
        return difference == 0
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
