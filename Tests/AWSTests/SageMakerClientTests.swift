import Foundation
import TestSupport
import Testing

@testable import AWS

/// The typed SageMaker client against the emulator (moto's server with signature checking on,
/// plus the plugin in Tests/Support/Emulator): what the SageMaker backend's commands rely on.
@Suite("the SageMaker client against the emulator", .enabled(if: MotoServer.python != nil), .serialized)
struct SageMakerClientTests {
    static func client() throws -> AWSClient {
        AWSClient(
            configuration: AWSConfiguration(
                environment: AWSEnvironment(variables: try MotoServer.shared.get().environment, home: "/nonexistent")))
    }

    @Test("a job followed to its end; its candidates read over several pages, best first")
    func jobAndPages() async throws {
        let sageMaker = try Self.client().sageMaker
        let name = "pages-\(UUID().uuidString.prefix(8).lowercased())"
        let arn = try await sageMaker.createAutoMLJob(
            AutoML.CreateJobRequest(
                name: name, trainingData: "s3://pilot-pages/train.csv", output: "s3://pilot-pages/output",
                tabular: AutoML.TabularJobConfig(
                    target: "y", problemType: "BinaryClassification",
                    completionCriteria: AutoML.CompletionCriteria(
                        maxCandidates: 5, maxRuntimePerTrainingJob: nil, maxJobRuntime: nil)),
                role: "arn:aws:iam::123456789012:role/pilot", objective: "F1"))
        #expect(arn.hasSuffix("automl-job/\(name)"))
        var statuses: [String] = []
        var job = try await sageMaker.describeAutoMLJob(named: name)
        while !job.isFinished {
            statuses.append(job.autoMLJobSecondaryStatus)
            job = try await sageMaker.describeAutoMLJob(named: name)
        }
        #expect(statuses.first == "Starting" && statuses.contains("ModelTuning"))
        #expect(job.autoMLJobStatus == "Completed" && job.bestCandidate != nil)
        let all = try await sageMaker.candidates(ofJob: name)
        let paged = try await sageMaker.candidates(ofJob: name, pageSize: 2)
        #expect(all.count == 5)
        #expect(paged.map(\.candidateName) == all.map(\.candidateName))
        let values = all.compactMap { $0.finalAutoMLJobObjectiveMetric?.value }
        #expect(values == values.sorted(by: >), "highest first")
        #expect(all.first?.candidateName == job.bestCandidate?.candidateName)
    }
}
