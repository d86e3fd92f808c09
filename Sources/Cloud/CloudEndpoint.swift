/// An endpoint to make for a candidate: the model of its containers, one production variant.
public struct CloudEndpointRequest: Sendable, Equatable, Codable {
    /// The endpoint's name; its configuration and model are named after it.
    public var name: String
    public var role: String
    public var containers: [CloudCandidate.Container]
    public var instanceType: String
    public var instanceCount: Int

    public init(
        name: String, role: String, containers: [CloudCandidate.Container], instanceType: String, instanceCount: Int
    ) {
        self.name = name
        self.role = role
        self.containers = containers
        self.instanceType = instanceType
        self.instanceCount = instanceCount
    }
}

/// Where an endpoint is (`DescribeEndpoint`).
public struct CloudEndpointState: Sendable, Equatable {
    /// `Creating`, `InService`, `Failed`, ...
    public var status: String
    public var failureReason: String?

    public init(status: String, failureReason: String? = nil) {
        self.status = status
        self.failureReason = failureReason
    }
}
