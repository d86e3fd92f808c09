/// The shapes of SageMaker's hosting API that pilot sends and reads: a model made of a
/// candidate's containers, an endpoint configuration with one variant, the endpoint.
public enum Hosting {
    struct CreateModelRequest: Encodable {
        var modelName: String
        var executionRoleArn: String
        /// More than one container makes an inference pipeline, as Autopilot's candidates are.
        var containers: [AutoML.Container]
    }

    struct CreateEndpointConfigRequest: Encodable {
        var endpointConfigName: String
        var productionVariants: [ProductionVariant]
    }

    struct ProductionVariant: Encodable {
        var variantName = "AllTraffic"
        var modelName: String
        var initialInstanceCount: Int
        var instanceType: String
        var initialVariantWeight = 1.0
    }

    struct CreateEndpointRequest: Encodable {
        var endpointName: String
        var endpointConfigName: String
    }

    struct EndpointName: Encodable { var endpointName: String }
    struct EndpointConfigName: Encodable { var endpointConfigName: String }
    struct ModelName: Encodable { var modelName: String }

    /// `DescribeEndpoint`'s answer.
    public struct Endpoint: Decodable, Sendable, Equatable {
        public var endpointName: String
        public var endpointArn: String?
        public var endpointConfigName: String?
        /// `Creating`, `InService`, `Failed`, `Deleting`, ...
        public var endpointStatus: String
        public var failureReason: String?
    }

    /// `DescribeEndpointConfig`'s answer, for the model an endpoint serves.
    public struct EndpointConfig: Decodable, Sendable, Equatable {
        public var endpointConfigName: String
        public var productionVariants: [Variant]

        public struct Variant: Decodable, Sendable, Equatable {
            public var modelName: String
        }
    }
}
