import Cloud
import Foundation
import Testing

@testable import AWS
@testable import Downloads

@Suite("SageMaker's shapes: what pilot sends and how it reads the answers")
struct SageMakerShapesTests {
    static func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: AWSJSONCoding.encoder.encode(value)) as? [String: Any])
    }

    @Test("CreateAutoMLJobV2 carries the workbook's settings under AWS's member names")
    func createRequest() throws {
        let job = CloudJobRequest(
            name: "bank-1a2b3c4d", role: "arn:aws:iam::1:role/r",
            data: CloudLocation(bucket: "b", key: "p/bank/train.csv"),
            output: CloudLocation(bucket: "b", key: "p/bank/output"), target: "y", problemType: "BinaryClassification",
            objective: "AUC", mode: "ENSEMBLING", maxCandidates: 5, maxRuntimeSeconds: 600, maxTrialRuntimeSeconds: 120,
            candidatesOnly: true)
        let body = try Self.json(SageMakerAutopilot.request(for: job))
        #expect(body["AutoMLJobName"] as? String == "bank-1a2b3c4d")
        #expect(body["RoleArn"] as? String == "arn:aws:iam::1:role/r")
        #expect((body["AutoMLJobObjective"] as? [String: Any])?["MetricName"] as? String == "AUC")
        #expect((body["OutputDataConfig"] as? [String: Any])?["S3OutputPath"] as? String == "s3://b/p/bank/output")
        let channel = try #require((body["AutoMLJobInputDataConfig"] as? [[String: Any]])?.first)
        #expect(channel["ChannelType"] as? String == "training")
        #expect(channel["ContentType"] as? String == "text/csv;header=present")
        let source = (channel["DataSource"] as? [String: Any])?["S3DataSource"] as? [String: Any]
        #expect(
            source?["S3Uri"] as? String == "s3://b/p/bank/train.csv" && source?["S3DataType"] as? String == "S3Prefix")
        let tabular = try #require(
            (body["AutoMLProblemTypeConfig"] as? [String: Any])?["TabularJobConfig"] as? [String: Any])
        #expect(tabular["TargetAttributeName"] as? String == "y")
        #expect(tabular["ProblemType"] as? String == "BinaryClassification")
        #expect(tabular["Mode"] as? String == "ENSEMBLING")
        #expect(tabular["GenerateCandidateDefinitionsOnly"] as? Bool == true)
        let limits = try #require(tabular["CompletionCriteria"] as? [String: Any])
        #expect(limits["MaxCandidates"] as? Int == 5)
        #expect(limits["MaxAutoMLJobRuntimeInSeconds"] as? Int == 600)
        #expect(limits["MaxRuntimePerTrainingJobInSeconds"] as? Int == 120)

        // Unset settings are left out, so SageMaker's defaults apply.
        let bare = try Self.json(
            SageMakerAutopilot.request(
                for: CloudJobRequest(
                    name: "b", role: "r", data: CloudLocation(bucket: "b", key: "k"),
                    output: CloudLocation(bucket: "b", key: "o"), target: "y")))
        let bareTabular = (bare["AutoMLProblemTypeConfig"] as? [String: Any])?["TabularJobConfig"] as? [String: Any]
        #expect(bareTabular?.keys.sorted() == ["TargetAttributeName"])
        #expect(bare["AutoMLJobObjective"] == nil)
    }

    @Test("a map's keys (a container's environment) keep their spelling both ways")
    func mapKeys() throws {
        let container = AutoML.Container(
            image: "i", modelDataUrl: "s3://b/m.tar.gz",
            environment: ["SAGEMAKER_INFERENCE_OUTPUT": "predicted_label", "AUTOML_TRANSFORM_MODE": "x"])
        let body = try Self.json(container)
        #expect((body["Environment"] as? [String: String])?["SAGEMAKER_INFERENCE_OUTPUT"] == "predicted_label")
        #expect(body["ModelDataUrl"] as? String == "s3://b/m.tar.gz")
        let back = try AWSJSONCoding.decoder.decode(
            AutoML.Container.self, from: AWSJSONCoding.encoder.encode(container))
        #expect(back == container)
    }

    @Test("DescribeAutoMLJobV2's answer reads into the job's state")
    func describeAnswer() throws {
        let answer = """
            {"AutoMLJobName": "bank-1", "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:1:automl-job/bank-1",
             "AutoMLJobStatus": "Completed", "AutoMLJobSecondaryStatus": "MaxCandidatesReached",
             "CreationTime": 1.7e9, "LastModifiedTime": 1.7e9,
             "BestCandidate": {"CandidateName": "bank-1-XGB-001", "CandidateStatus": "Completed",
               "ObjectiveStatus": "Succeeded", "CreationTime": 1.7e9, "LastModifiedTime": 1.7e9,
               "FinalAutoMLJobObjectiveMetric": {"MetricName": "F1", "Value": 0.65},
               "CandidateSteps": [{"CandidateStepType": "AWS::SageMaker::TrainingJob",
                 "CandidateStepArn": "arn:x", "CandidateStepName": "t1"}],
               "InferenceContainers": [{"Image": "img", "ModelDataUrl": "s3://b/m",
                 "Environment": {"SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability"}}],
               "CandidateProperties": {"CandidateArtifactLocations": {"Explainability": "s3://b/e"},
                 "CandidateMetrics": [{"MetricName": "AUC", "Value": 0.93, "Set": "Validation"}]}},
             "AutoMLJobArtifacts": {"DataExplorationNotebookLocation": "s3://b/de.ipynb"},
             "ResolvedAttributes": {"AutoMLJobObjective": {"MetricName": "F1"},
               "AutoMLProblemTypeResolvedAttributes": {"TabularResolvedAttributes":
                 {"ProblemType": "BinaryClassification"}}}}
            """
        let job = try AWSJSONCoding.decoder.decode(AutoML.Job.self, from: Data(answer.utf8))
        #expect(job.isFinished && job.problemType == "BinaryClassification" && job.objective == "F1")
        let best = SageMakerAutopilot.candidate(try #require(job.bestCandidate))
        #expect(best.name == "bank-1-XGB-001" && best.objectiveValue == 0.65 && best.metric("AUC") == 0.93)
        #expect(best.containers.first?.environment["SAGEMAKER_INFERENCE_SUPPORTED"] == "predicted_label,probability")
        #expect(best.steps == ["AWS::SageMaker::TrainingJob t1"])
        #expect(job.autoMLJobArtifacts?.dataExplorationNotebookLocation == "s3://b/de.ipynb")
    }

    @Test("a role's trust policy: the services allowed to assume it")
    func trustPolicy() {
        let sageMaker = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":["sagemaker.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]}
            """
        #expect(
            AccountClient.Role.services(trustedBy: sageMaker) == ["sagemaker.amazonaws.com", "lambda.amazonaws.com"])
        let denied = """
            {"Statement":{"Effect":"Deny","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}}
            """
        #expect(AccountClient.Role.services(trustedBy: denied).isEmpty)
        let otherAction = """
            {"Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"s3:GetObject"}]}
            """
        #expect(AccountClient.Role.services(trustedBy: otherAction).isEmpty)
        #expect(AccountClient.Role.services(trustedBy: "not json").isEmpty)
    }
}
