import Foundation
import TestSupport
import Testing

@testable import AWS

/// pilotbook's SageMaker emulator (moto's server with the patches of
/// `Tests/Support/Emulator/pilot_emulator.py`), driven through AWSClient with signatures checked.
///
/// What the emulator fakes, and moto does not do: AutoML V2 jobs that move one secondary status
/// per DescribeAutoMLJobV2 and end with deterministic candidates, notebooks and a best candidate;
/// ListCandidatesForAutoMLJob; StopAutoMLJob through Stopping; endpoints that are Creating for one
/// describe; InvokeEndpoint refusing endpoints that do not exist; recorded requests; failed jobs,
/// failed endpoints and throttling on demand. moto itself supplies the rest: SigV4 checking, S3,
/// IAM, models, endpoint configs, and InvokeEndpoint's answers (its endpoint-results API).
@Suite("SageMaker emulator (moto + pilot_emulator.py)", .enabled(if: MotoServer.python != nil), .serialized)
struct SageMakerEmulatorTests {
    static let bucket = "pilot-emulator-tests"
    static let role = "arn:aws:iam::123456789012:role/pilot-emulator"

    static func server() throws -> MotoServer { try MotoServer.shared.get() }

    static func client(_ overrides: [String: String] = [:], retry: RetryPolicy = .standard) throws -> AWSClient {
        let variables = try server().environment.merging(overrides) { $1 }
        return AWSClient(
            configuration: AWSConfiguration(environment: AWSEnvironment(variables: variables, home: "/nonexistent")),
            retry: retry)
    }

    /// A job or endpoint name only this test uses (AutoML job names: at most 32 characters).
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The test bucket, with a small binary-classification CSV under `name/train/`.
    static func uploadTrainingData(for name: String) throws {
        try server().runBoto3(
            """
            try:
                s3.create_bucket(Bucket="\(bucket)")
            except s3.exceptions.BucketAlreadyOwnedByYou:
                pass
            s3.put_object(Bucket="\(bucket)", Key="\(name)/train/train.csv",
                          Body=b"age,job,y\\n30,admin,no\\n41,technician,yes\\n52,services,no\\n28,admin,no\\n")
            """)
    }

    static func createJob(
        _ client: AWSClient, name: String, tabular: [String: Any] = [:], objective: String? = nil
    ) async throws {
        var config: [String: Any] = ["TargetAttributeName": "y"]
        config.merge(tabular) { $1 }
        var request: [String: Any] = [
            "AutoMLJobName": name,
            "AutoMLJobInputDataConfig": [
                [
                    "ChannelType": "training", "ContentType": "text/csv;header=present", "CompressionType": "None",
                    "DataSource": [
                        "S3DataSource": ["S3DataType": "S3Prefix", "S3Uri": "s3://\(bucket)/\(name)/train/"]
                    ],
                ]
            ],
            "OutputDataConfig": ["S3OutputPath": "s3://\(bucket)/\(name)/output"],
            "AutoMLProblemTypeConfig": ["TabularJobConfig": config],
            "RoleArn": role,
        ]
        if let objective { request["AutoMLJobObjective"] = ["MetricName": objective] }
        let answer = try await client.call(.sageMaker, target: "SageMaker.CreateAutoMLJobV2", json: request)
        #expect((answer["AutoMLJobArn"] as? String)?.hasSuffix(":automl-job/\(name)") == true)
    }

    static func describeJob(_ client: AWSClient, _ name: String) async throws(AWSError) -> [String: Any] {
        try await client.call(.sageMaker, target: "SageMaker.DescribeAutoMLJobV2", json: ["AutoMLJobName": name])
    }

    /// Describes the job until it stops moving: every (status, secondary status) seen, in order,
    /// and the last answer.
    static func follow(
        _ client: AWSClient, _ name: String
    ) async throws -> (
        steps: [String], last: [String: Any]
    ) {
        var steps: [String] = []
        for _ in 0..<20 {
            let job = try await describeJob(client, name)
            let status = job["AutoMLJobStatus"] as? String ?? "?"
            steps.append(job["AutoMLJobSecondaryStatus"] as? String ?? "?")
            if ["Completed", "Failed", "Stopped"].contains(status) { return (steps, job) }
        }
        Issue.record("job \(name) never finished: \(steps)")
        return (steps, [:])
    }

    static func listCandidates(_ client: AWSClient, _ request: [String: Any]) async throws(AWSError) -> [String: Any] {
        try await client.call(.sageMaker, target: "SageMaker.ListCandidatesForAutoMLJob", json: request)
    }

    // MARK: AutoML jobs

    @Test("a job walks Starting → … → Completed one describe at a time, ending with its best candidate")
    func jobLifecycle() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-job")
        try Self.uploadTrainingData(for: name)
        try await Self.createJob(client, name: name, tabular: ["CompletionCriteria": ["MaxCandidates": 3]])

        let (steps, job) = try await Self.follow(client, name)
        #expect(
            steps == [
                "Starting", "AnalyzingData", "FeatureEngineering", "ModelTuning", "GeneratingExplainabilityReport",
                "GeneratingModelInsightsReport", "Completed",
            ])
        #expect(job["AutoMLJobStatus"] as? String == "Completed")
        #expect(job["FailureReason"] == nil)
        #expect(job["EndTime"] != nil)

        let best = try #require(job["BestCandidate"] as? [String: Any])
        let objective = try #require(best["FinalAutoMLJobObjectiveMetric"] as? [String: Any])
        #expect(objective["MetricName"] as? String == "F1")
        #expect(objective["Type"] as? String == "Maximize")
        let value = try #require(objective["Value"] as? Double)
        #expect((0.5...1).contains(value))
        #expect(best["CandidateStatus"] as? String == "Completed")
        #expect(best["ObjectiveStatus"] as? String == "Succeeded")
        let containers = try #require(best["InferenceContainers"] as? [[String: Any]])
        #expect(containers.count == 3)
        #expect(containers.allSatisfy { ($0["ModelDataUrl"] as? String)?.hasPrefix("s3://\(Self.bucket)/") == true })
        let properties = try #require(best["CandidateProperties"] as? [String: Any])
        let metrics = try #require(properties["CandidateMetrics"] as? [[String: Any]])
        #expect(metrics.contains { $0["MetricName"] as? String == "F1" && $0["Value"] as? Double == value })
        let locations = try #require(properties["CandidateArtifactLocations"] as? [String: Any])
        #expect((locations["Explainability"] as? String)?.hasPrefix("s3://\(Self.bucket)/\(name)/output/") == true)

        let resolved = try #require(job["ResolvedAttributes"] as? [String: Any])
        #expect((resolved["AutoMLJobObjective"] as? [String: Any])?["MetricName"] as? String == "F1")
        let problem = (resolved["AutoMLProblemTypeResolvedAttributes"] as? [String: Any])?["TabularResolvedAttributes"]
        #expect((problem as? [String: Any])?["ProblemType"] as? String == "BinaryClassification")
        #expect((resolved["CompletionCriteria"] as? [String: Any])?["MaxCandidates"] as? Int == 3)

        // The notebooks are in S3 where the job says.
        let artifacts = try #require(job["AutoMLJobArtifacts"] as? [String: Any])
        let notebook = try #require(artifacts["DataExplorationNotebookLocation"] as? String)
        #expect(notebook.hasPrefix("s3://\(Self.bucket)/\(name)/output/\(name)/") && notebook.hasSuffix(".ipynb"))
        #expect(artifacts["CandidateDefinitionNotebookLocation"] is String)
        let key = notebook.dropFirst("s3://\(Self.bucket)/".count)
        let nbformat = try Self.server().runBoto3(
            """
            body = s3.get_object(Bucket="\(Self.bucket)", Key="\(key)")["Body"].read()
            print(json.loads(body)["nbformat"])
            """)
        #expect(nbformat == "4")

        // Once finished, it stays finished.
        let again = try await Self.describeJob(client, name)
        #expect(again["AutoMLJobSecondaryStatus"] as? String == "Completed")

        // The request as sent, and valid for botocore's model.
        let recorded = try Self.server().recordedRequests(operation: "CreateAutoMLJobV2", containing: name)
        #expect(recorded.count == 1)
        let params = try #require(recorded.first?["params"] as? [String: Any])
        let tabular = (params["AutoMLProblemTypeConfig"] as? [String: Any])?["TabularJobConfig"] as? [String: Any]
        #expect(tabular?["TargetAttributeName"] as? String == "y")
        #expect(recorded.first?["status"] as? Int == 200)
        let describes = try Self.server().recordedRequests(operation: "DescribeAutoMLJobV2", containing: name)
        #expect(describes.count == 8)
        let report = try Self.server().validateRecordedRequests(containing: name)
        #expect(report.contains("0 problem(s)"))
    }

    @Test("ENSEMBLING trains models instead of tuning; candidate definitions only stop after analysis")
    func otherModes() async throws {
        let client = try Self.client()
        let ensembling = Self.uniqueName("emu-ens")
        try await Self.createJob(
            client, name: ensembling, tabular: ["Mode": "ENSEMBLING", "ProblemType": "Regression"], objective: "MAE")
        let (steps, job) = try await Self.follow(client, ensembling)
        #expect(
            steps == [
                "Starting", "AnalyzingData", "TrainingModels", "GeneratingExplainabilityReport",
                "GeneratingModelInsightsReport", "Completed",
            ])
        let best = job["BestCandidate"] as? [String: Any]
        let objective = best?["FinalAutoMLJobObjectiveMetric"] as? [String: Any]
        #expect(objective?["MetricName"] as? String == "MAE")
        #expect(objective?["Type"] as? String == "Minimize")
        #expect((best?["InferenceContainers"] as? [Any])?.count == 1)

        let definitions = Self.uniqueName("emu-def")
        try await Self.createJob(client, name: definitions, tabular: ["GenerateCandidateDefinitionsOnly": true])
        let (definitionSteps, definitionJob) = try await Self.follow(client, definitions)
        #expect(definitionSteps == ["Starting", "AnalyzingData", "CandidateDefinitionsGenerated"])
        #expect(definitionJob["AutoMLJobStatus"] as? String == "Completed")
        #expect(definitionJob["BestCandidate"] == nil)
        #expect((definitionJob["AutoMLJobArtifacts"] as? [String: Any])?["CandidateDefinitionNotebookLocation"] != nil)
        let candidates = try await Self.listCandidates(client, ["AutoMLJobName": definitions])
        #expect((candidates["Candidates"] as? [Any])?.isEmpty == true)
    }

    @Test("ListCandidatesForAutoMLJob pages, sorts and filters; an unknown job is ResourceNotFound")
    func candidates() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-list")
        try await Self.createJob(client, name: name, tabular: ["CompletionCriteria": ["MaxCandidates": 10]])
        let (_, job) = try await Self.follow(client, name)
        let bestName = (job["BestCandidate"] as? [String: Any])?["CandidateName"] as? String

        var pages: [[[String: Any]]] = []
        var token: String?
        repeat {
            var request: [String: Any] = [
                "AutoMLJobName": name, "MaxResults": 2, "SortBy": "FinalObjectiveMetricValue",
                "SortOrder": "Descending",
            ]
            if let token { request["NextToken"] = token }
            let page = try await Self.listCandidates(client, request)
            pages.append(page["Candidates"] as? [[String: Any]] ?? [])
            token = page["NextToken"] as? String
        } while token != nil && pages.count < 10
        #expect(pages.map(\.count) == [2, 2, 1])  // min(MaxCandidates, 5) candidates
        let all = pages.flatMap { $0 }
        let values = all.compactMap { ($0["FinalAutoMLJobObjectiveMetric"] as? [String: Any])?["Value"] as? Double }
        #expect(values.count == 5)
        #expect(values == values.sorted(by: >))
        #expect(all.first?["CandidateName"] as? String == bestName)
        #expect(Set(all.compactMap { $0["CandidateName"] as? String }).count == 5)

        // Deterministic: the same names and values on every listing.
        let again = try await Self.listCandidates(
            client, ["AutoMLJobName": name, "SortBy": "FinalObjectiveMetricValue", "SortOrder": "Descending"])
        let againValues = (again["Candidates"] as? [[String: Any]])?.compactMap {
            ($0["FinalAutoMLJobObjectiveMetric"] as? [String: Any])?["Value"] as? Double
        }
        #expect(againValues == values)
        #expect(again["NextToken"] == nil)

        let one = try await Self.listCandidates(
            client, ["AutoMLJobName": name, "CandidateNameEquals": bestName ?? "", "StatusEquals": "Completed"])
        #expect((one["Candidates"] as? [Any])?.count == 1)

        do {
            _ = try await Self.listCandidates(client, ["AutoMLJobName": "nope-\(name)"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ResourceNotFound")
            #expect(error.status == 400)
            #expect(error.message.contains("nope-\(name)"))
        }
    }

    @Test("StopAutoMLJob: the next describe says Stopping, the one after Stopped")
    func stop() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-stop")
        try await Self.createJob(client, name: name)
        #expect(try await Self.describeJob(client, name)["AutoMLJobSecondaryStatus"] as? String == "Starting")
        #expect(try await Self.describeJob(client, name)["AutoMLJobSecondaryStatus"] as? String == "AnalyzingData")
        _ = try await client.call(.sageMaker, target: "SageMaker.StopAutoMLJob", json: ["AutoMLJobName": name])
        let (steps, job) = try await Self.follow(client, name)
        #expect(steps == ["Stopping", "Stopped"])
        #expect(job["AutoMLJobStatus"] as? String == "Stopped")
        #expect(job["BestCandidate"] == nil)
        let listed = try await client.call(
            .sageMaker, target: "SageMaker.ListAutoMLJobs", json: ["NameContains": name])
        let summary = (listed["AutoMLJobSummaries"] as? [[String: Any]])?.first
        #expect(summary?["AutoMLJobStatus"] as? String == "Stopped")
    }

    @Test("fail-next-job: the job ends Failed with the FailureReason after AnalyzingData")
    func failedJob() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-fail")
        let reason = "ClientError: The target column y has only one value"
        try Self.server().failNextJob(reason: reason, nameContains: name)
        try await Self.createJob(client, name: name)
        let (steps, job) = try await Self.follow(client, name)
        #expect(steps == ["Starting", "AnalyzingData", "Failed"])
        #expect(job["AutoMLJobStatus"] as? String == "Failed")
        #expect(job["FailureReason"] as? String == reason)
        #expect(job["BestCandidate"] == nil)
        // Only that job: the next one completes.
        let next = Self.uniqueName("emu-fail")
        try await Self.createJob(client, name: next)
        #expect(try await Self.follow(client, next).last["AutoMLJobStatus"] as? String == "Completed")
    }

    // MARK: Endpoints

    /// A model, an endpoint config and an endpoint named `name`.
    static func createEndpoint(_ client: AWSClient, name: String) async throws {
        _ = try await client.call(
            .sageMaker, target: "SageMaker.CreateModel",
            json: [
                "ModelName": name, "ExecutionRoleArn": role,
                "Containers": [["Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"]],
            ])
        _ = try await client.call(
            .sageMaker, target: "SageMaker.CreateEndpointConfig",
            json: [
                "EndpointConfigName": name,
                "ProductionVariants": [
                    [
                        "VariantName": "AllTraffic", "ModelName": name, "InitialInstanceCount": 1,
                        "InstanceType": "ml.m5.large",
                    ]
                ],
            ])
        _ = try await client.call(
            .sageMaker, target: "SageMaker.CreateEndpoint", json: ["EndpointName": name, "EndpointConfigName": name])
    }

    static func endpointStatus(_ client: AWSClient, _ name: String) async throws(AWSError) -> [String: Any] {
        try await client.call(.sageMaker, target: "SageMaker.DescribeEndpoint", json: ["EndpointName": name])
    }

    static func invoke(_ client: AWSClient, _ name: String, body: String) async throws(AWSError) -> String {
        let answer = try await client.restJSON(
            .sageMakerRuntime, operation: "InvokeEndpoint", method: "POST",
            path: "/endpoints/\(URIEncoding.encode(name))/invocations",
            headers: [(name: "Content-Type", value: "text/csv"), (name: "Accept", value: "text/csv")],
            body: Data(body.utf8))
        return String(decoding: answer.body, as: UTF8.self)
    }

    @Test("an endpoint is Creating, then InService; InvokeEndpoint answers from moto's endpoint-results")
    func endpointLifecycle() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-endpoint")
        try await Self.createEndpoint(client, name: name)

        // Not yet in service: SageMaker Runtime does not know it.
        do {
            _ = try await Self.invoke(client, name, body: "1,2,3\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ValidationError")
            #expect(error.message.contains("Endpoint \(name) of account"))
        }
        #expect(try await Self.endpointStatus(client, name)["EndpointStatus"] as? String == "Creating")
        let inService = try await Self.endpointStatus(client, name)
        #expect(inService["EndpointStatus"] as? String == "InService")
        #expect(inService["FailureReason"] == nil)
        #expect(inService["EndpointConfigName"] as? String == name)

        let marker = UUID().uuidString
        try Self.server().setEndpointResults(["0.9125\n0.0312\n"])
        let predictions = try await Self.invoke(client, name, body: "41,technician,\(marker)\n28,admin,\(marker)\n")
        #expect(predictions == "0.9125\n0.0312\n")

        let runtime = try Self.server().recordedRequests(operation: "InvokeEndpoint", containing: marker)
        #expect(runtime.count == 1)
        let params = runtime.first?["params"] as? [String: Any]
        #expect(runtime.first?["service"] as? String == "sagemaker-runtime")
        #expect(params?["EndpointName"] as? String == name)
        #expect(params?["ContentType"] as? String == "text/csv")
        #expect((params?["Body"] as? String)?.hasPrefix("41,technician,") == true)

        // Cleanup leaves nothing.
        _ = try await client.call(.sageMaker, target: "SageMaker.DeleteEndpoint", json: ["EndpointName": name])
        _ = try await client.call(
            .sageMaker, target: "SageMaker.DeleteEndpointConfig", json: ["EndpointConfigName": name])
        _ = try await client.call(.sageMaker, target: "SageMaker.DeleteModel", json: ["ModelName": name])
        let endpoints = try await client.call(
            .sageMaker, target: "SageMaker.ListEndpoints", json: ["NameContains": name])
        #expect((endpoints["Endpoints"] as? [Any])?.isEmpty == true)
        do {
            _ = try await Self.invoke(client, name, body: "1\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ValidationError")
        }
        #expect(try Self.server().validateRecordedRequests(containing: name).contains("0 problem(s)"))
    }

    @Test("fail-next-endpoint: the endpoint ends Failed with the FailureReason")
    func failedEndpoint() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-endpoint")
        let reason = "The primary container for production variant AllTraffic did not pass the ping health check."
        try Self.server().failNextEndpoint(reason: reason, nameContains: name)
        try await Self.createEndpoint(client, name: name)
        #expect(try await Self.endpointStatus(client, name)["EndpointStatus"] as? String == "Creating")
        let failed = try await Self.endpointStatus(client, name)
        #expect(failed["EndpointStatus"] as? String == "Failed")
        #expect(failed["FailureReason"] as? String == reason)
        let listed = try await client.call(.sageMaker, target: "SageMaker.ListEndpoints", json: ["NameContains": name])
        #expect((listed["Endpoints"] as? [[String: Any]])?.first?["EndpointStatus"] as? String == "Failed")
    }

    // MARK: Faults, signatures, validation

    @Test("throttle: 400 ThrottlingException; the client's retries absorb fewer than its attempts")
    func throttling() async throws {
        let client = try Self.client(retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05))
        let name = Self.uniqueName("emu-throttle")
        try await Self.createJob(client, name: name)

        try Self.server().throttle(count: 4, operation: "DescribeAutoMLJobV2", containing: name)
        do {
            _ = try await Self.describeJob(client, name)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ThrottlingException")
            #expect(error.status == 400)
            #expect(error.attempts == 4)
            #expect(error.isThrottling)
        }
        let throttled = try Self.server().recordedRequests(operation: "DescribeAutoMLJobV2", containing: name)
        #expect(throttled.count == 4)
        #expect(throttled.allSatisfy { $0["throttled"] as? Bool == true && $0["status"] as? Int == 400 })

        try Self.server().throttle(count: 2, operation: "DescribeAutoMLJobV2", containing: name)
        let job = try await Self.describeJob(client, name)
        #expect(job["AutoMLJobSecondaryStatus"] as? String == "Starting")  // throttled describes move nothing
        #expect(try Self.server().recordedRequests(operation: "DescribeAutoMLJobV2", containing: name).count == 7)
    }

    @Test("the emulated operations check signatures like the rest of moto")
    func signatures() async throws {
        let client = try Self.client(["AWS_SECRET_ACCESS_KEY": "wrong"], retry: RetryPolicy(maxAttempts: 1))
        do {
            _ = try await Self.listCandidates(client, ["AutoMLJobName": "emu-any"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "SignatureDoesNotMatch")
            #expect(error.status == 403)
        }
    }

    @Test("the validator passes what botocore's model accepts and names a misspelt field")
    func validator() async throws {
        let client = try Self.client()
        let name = Self.uniqueName("emu-valid")
        try await Self.createJob(client, name: name, tabular: ["CompletionCriteria": ["MaxCandidates": 2]])
        _ = try await Self.follow(client, name)
        #expect(try Self.server().validateRecordedRequests(containing: name).contains("0 problem(s)"))

        // moto ignores what it does not know: the emulator answers as if nothing were wrong.
        let answer = try await Self.listCandidates(
            client, ["AutoMLJobName": name, "SortedBy": "FinalObjectiveMetricValue", "SortOrder": "Downward"])
        #expect((answer["Candidates"] as? [Any])?.count == 2)
        do {
            _ = try Self.server().validateRecordedRequests(operation: "ListCandidatesForAutoMLJob", containing: name)
            Issue.record("expected the validator to fail")
        } catch {
            #expect(String(describing: error).contains("ListCandidatesForAutoMLJob"))
            #expect(String(describing: error).contains("Unknown parameter in input: \"SortedBy\""))
            #expect(String(describing: error).contains("SortOrder: 'Downward' is not one of Ascending, Descending"))
            #expect(String(describing: error).contains("2 problem(s)"))
        }
    }
}
