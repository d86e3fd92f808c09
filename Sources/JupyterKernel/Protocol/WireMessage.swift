import Foundation

/// A message as it travels over a socket: the routing identities, the `<IDS|MSG>` delimiter,
/// the signature, then four JSON frames (header, parent header, metadata, content) and any
/// binary buffers.
///
/// Received messages keep their frames as they came, so a reply's parent header is the
/// request's header byte for byte.
public struct WireMessage: Sendable {
    /// The routing prefix a router socket adds; replies go back with the same.
    public var identities: [[UInt8]]
    public var header: MessageHeader
    /// The header frame as received (or as written, for a message the kernel made).
    public var headerFrame: [UInt8]
    public var parentFrame: [UInt8]
    public var metadataFrame: [UInt8]
    public var contentFrame: [UInt8]

    static let delimiter = Array("<IDS|MSG>".utf8)

    /// Why frames are not a message the kernel will act on.
    public enum ReadFailure: Error, Sendable, Equatable {
        /// No delimiter, or too few frames after it.
        case malformed
        /// The signature does not match: someone without the key, or a corrupted message.
        case badSignature
        /// The header is not the JSON the protocol asks for.
        case badHeader
    }

    /// Reads the frames of one received message, checking its signature first.
    public init(frames: [[UInt8]], signer: MessageSigner) throws(ReadFailure) {
        guard let split = frames.firstIndex(of: Self.delimiter), frames.count >= split + 6 else {
            throw .malformed
        }
        let signed = Array(frames[(split + 2)...(split + 5)])
        guard signer.isValid(frames[split + 1], for: signed) else { throw .badSignature }
        guard let header = try? JSONDecoder().decode(MessageHeader.self, from: Data(signed[0])) else {
            throw .badHeader
        }
        identities = Array(frames[..<split])
        self.header = header
        headerFrame = signed[0]
        parentFrame = signed[1]
        metadataFrame = signed[2]
        contentFrame = signed[3]
    }

    /// A new message of `type` from the kernel, in reply to (or caused by) `parent`.
    public init(
        type: String, session: String, content: some Encodable, parent: WireMessage?,
        identities: [[UInt8]] = []
    ) {
        let header = MessageHeader(type: type, session: session)
        self.identities = identities
        self.header = header
        headerFrame = Self.json(header)
        parentFrame = parent?.headerFrame ?? Array("{}".utf8)
        metadataFrame = Array("{}".utf8)
        contentFrame = Self.json(content)
    }

    /// The frames to send, signed.
    public func frames(signer: MessageSigner) -> [[UInt8]] {
        let signed = [headerFrame, parentFrame, metadataFrame, contentFrame]
        return identities + [Self.delimiter, Array(signer.signature(signed).utf8)] + signed
    }

    /// The content decoded as `T`; `nil` when it is not.
    public func content<T: Decodable>(_ type: T.Type) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(contentFrame))
    }

    static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every type the kernel sends encodes; a failure would be a programming error.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
