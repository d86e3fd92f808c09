import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AWS

/// The JSON 1.1 call path (`X-Amz-Target`) against moto's SageMaker, signatures checked.
@Suite("SageMaker JSON 1.1 against moto", .enabled(if: MotoServer.python != nil), .serialized)
struct MotoSageMakerTests {
    static func client(_ overrides: [String: String] = [:]) throws -> AWSClient {
        let variables = try MotoServer.shared.get().environment.merging(overrides) { $1 }
        return AWSClient(
            configuration: AWSConfiguration(environment: AWSEnvironment(variables: variables, home: "/nonexistent")))
    }

    @Test("ListEndpoints answers a list")
    func listEndpoints() async throws {
        let answer = try await Self.client().call(.sageMaker, target: "SageMaker.ListEndpoints", json: [:])
        #expect(answer["Endpoints"] is [Any])
    }

    @Test("CreateModel, then DescribeModel finds it; a missing model is a ValidationException")
    func modelRoundTrip() async throws {
        let client = try Self.client()
        let name = "pilot-model-\(UUID().uuidString.prefix(8).lowercased())"
        let created = try await client.call(
            .sageMaker, target: "SageMaker.CreateModel",
            json: [
                "ModelName": name, "ExecutionRoleArn": "arn:aws:iam::123456789012:role/pilot",
                "PrimaryContainer": ["Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1"],
            ])
        #expect((created["ModelArn"] as? String)?.hasSuffix("model/\(name)") == true)
        let described = try await client.call(.sageMaker, target: "SageMaker.DescribeModel", json: ["ModelName": name])
        #expect(described["ModelName"] as? String == name)
        do {
            _ = try await client.call(
                .sageMaker, target: "SageMaker.DescribeModel", json: ["ModelName": "nope-\(name)"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ValidationException")
            #expect(error.operation == "SageMaker DescribeModel")
        }
    }

    @Test("the query protocol: STS GetCallerIdentity names the IAM user whose key signed it")
    func callerIdentity() async throws {
        let xml = try await Self.client().query(.sts, action: "GetCallerIdentity", version: "2011-06-15")
        #expect(XMLFields(xml).first("Arn")?.hasSuffix(":user/pilot") == true)
    }

    @Test("a wrong secret is SignatureDoesNotMatch on JSON calls too")
    func wrongSecret() async throws {
        let client = try Self.client(["AWS_SECRET_ACCESS_KEY": "wrong"])
        do {
            _ = try await client.call(.sageMaker, target: "SageMaker.ListEndpoints", json: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "SignatureDoesNotMatch")
            #expect(error.status == 403)
        }
    }
}
