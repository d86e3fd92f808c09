import Foundation

/// The header every message carries: who sent it, its id and type, when.
public struct MessageHeader: Sendable, Equatable, Codable {
    public var messageID: String
    public var session: String
    public var username: String
    public var date: String
    public var messageType: String
    public var version: String

    enum CodingKeys: String, CodingKey {
        case session, username, date, version
        case messageID = "msg_id"
        case messageType = "msg_type"
    }

    /// The version of the messaging protocol the kernel speaks.
    public static let protocolVersion = "5.3"

    /// A new header for a message of `type` from the kernel's `session`, dated now.
    public init(type: String, session: String) {
        messageID = UUID().uuidString.lowercased()
        self.session = session
        username = "pilot"
        date = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())
        messageType = type
        version = Self.protocolVersion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(String.self, forKey: .messageID)
        messageType = try container.decode(String.self, forKey: .messageType)
        session = try container.decodeIfPresent(String.self, forKey: .session) ?? ""
        username = try container.decodeIfPresent(String.self, forKey: .username) ?? ""
        date = try container.decodeIfPresent(String.self, forKey: .date) ?? ""
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? Self.protocolVersion
    }
}
