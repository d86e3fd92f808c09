import Foundation

/// Who the credentials belong to (STS) and what a role allows (IAM): what a preflight asks
/// before anything is created.
public struct AccountClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// STS `GetCallerIdentity`: the account and the ARN of the credentials' owner.
    public func callerIdentity() async throws(AWSError) -> CallerIdentity {
        let xml = XMLFields(try await client.query(.sts, action: "GetCallerIdentity", version: "2011-06-15"))
        return CallerIdentity(account: xml.first("Account") ?? "", arn: xml.first("Arn") ?? "")
    }

    /// IAM `GetRole`: the role's ARN and the services its trust policy lets assume it.
    public func role(named name: String) async throws(AWSError) -> Role {
        let xml = XMLFields(
            try await client.query(
                .iam, action: "GetRole", version: "2010-05-08", parameters: [(name: "RoleName", value: name)]))
        let document = xml.first("AssumeRolePolicyDocument").map { $0.removingPercentEncoding ?? $0 } ?? ""
        return Role(arn: xml.first("Arn") ?? "", trustedServices: Role.services(trustedBy: document))
    }

    public struct CallerIdentity: Sendable, Equatable {
        public var account: String
        public var arn: String
    }

    public struct Role: Sendable, Equatable {
        public var arn: String
        /// The services allowed `sts:AssumeRole` (`sagemaker.amazonaws.com`).
        public var trustedServices: [String]

        /// The `Service` principals of the policy's statements that allow `sts:AssumeRole`.
        static func services(trustedBy document: String) -> [String] {
            guard let policy = (try? JSONSerialization.jsonObject(with: Data(document.utf8))) as? [String: Any] else {
                return []
            }
            let statements = policy["Statement"].map {
                ($0 as? [[String: Any]]) ?? [$0 as? [String: Any]].compactMap { $0 }
            }
            var services: [String] = []
            for statement in statements ?? [] where statement["Effect"] as? String == "Allow" {
                let actions = strings(statement["Action"])
                guard actions.contains(where: { $0 == "sts:AssumeRole" || $0 == "sts:*" || $0 == "*" }) else {
                    continue
                }
                services += strings((statement["Principal"] as? [String: Any])?["Service"])
            }
            return services
        }

        private static func strings(_ value: Any?) -> [String] {
            (value as? [String]) ?? (value as? String).map { [$0] } ?? []
        }
    }
}

extension AWSClient {
    /// STS and IAM through this client's configuration.
    public var account: AccountClient { AccountClient(client: self) }
}
