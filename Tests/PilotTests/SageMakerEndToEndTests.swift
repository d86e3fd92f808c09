import Foundation
import TestSupport
import Testing
import Workbook

/// The SageMaker workbook end to end: the built `pilot` against the test emulator (moto's
/// server with signature checking on, plus the plugin in Tests/Support/Emulator that walks
/// AutoML jobs through their stages, lists candidates and starts endpoints). AWS itself is
/// never called; what the emulator fakes is listed at the top of Emulator/pilot_emulator.py.
@Suite(
    "SageMaker from a workbook", .serialized,
    .enabled(if: MotoServer.python != nil, "PILOT_AWS_PYTHON is not set"),
    .enabled(if: ProcessInfo.processInfo.environment["PILOT_MIRROR"] != nil, "needs PILOT_MIRROR"))
struct SageMakerEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A bucket and a role SageMaker may assume, in the emulator; the role's ARN.
    static func account(
        bucket: String, role: String, trusting service: String = "sagemaker.amazonaws.com"
    ) throws
        -> (MotoServer, String)
    {
        let moto = try MotoServer.shared.get()
        let arn = try moto.runBoto3(
            """
            s3.create_bucket(Bucket="\(bucket)")
            try:
                print(iam.create_role(RoleName="\(role)", AssumeRolePolicyDocument=trust_policy("\(service)"))["Role"]["Arn"])
            except iam.exceptions.EntityAlreadyExistsException:
                print(iam.get_role(RoleName="\(role)")["Role"]["Arn"])
            """)
        return (moto, arn)
    }

    /// The environment a run needs: the emulator's keys and address, quick polling.
    static func environment(_ moto: MotoServer) -> [String: String] {
        moto.environment.merging(["PILOT_POLL_SECONDS": "0.05"]) { $1 }
    }

    @Test("the SageMaker workbook runs, checks, and leaves the account as it found it")
    func workbook() throws {
        let bucket = "pilot-class-\(UUID().uuidString.prefix(8).lowercased())"
        let (moto, role) = try Self.account(bucket: bucket, role: "pilot-sagemaker")
        // What InvokeEndpoint answers: one row, then the 4119 test rows (the same again for check).
        let rows = (0..<4119).map { $0 % 9 == 0 ? "yes,0.81" : "no,0.07" }.joined(separator: "\n") + "\n"
        try moto.setEndpointAnswers(["yes,0.62\n", rows], endpoint: "bank-ep")
        let folder = ScratchFolder("sagemaker-workbook")
        try FileManager.default.copyItem(
            atPath: Self.repository + "/workbooks/autopilot-sagemaker.pilotbook",
            toPath: folder.file("autopilot-sagemaker.pilotbook"))
        let run = try PilotProcess.run(
            [
                "run", "--trust", "autopilot-sagemaker.pilotbook", "--param", "role=\(role)", "--param",
                "bucket=\(bucket)",
            ],
            in: folder.path, environment: Self.environment(moto))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let book = try BookFile(path: folder.file("autopilot-sagemaker.pilotbook")).workbook
        let text = { (cell: String) in book.output(forCell: cell)?.normalizedText ?? "" }
        #expect(text("check").contains("check_only=yes: the account is ready; nothing was created"))
        #expect(text("autopilot").contains("Stages: Analyzing data → Feature engineering → Model tuning"))
        #expect(text("autopilot").contains("Status: completed"))
        #expect(text("leaderboard").contains("candidates of SageMaker job bank-"))
        #expect(text("deploy").contains("deployed bank.best as SageMaker endpoint 'bank-ep' in us-east-1: InService"))
        #expect(text("predict").contains("bank-ep (SageMaker) predicted 4119 rows in 1 request"))
        #expect(
            text("cleanup").contains(
                "deleted SageMaker endpoint 'bank-ep' in us-east-1: endpoint bank-ep, endpoint config bank-ep, model\n    bank-ep (it no longer costs money)"
            ))

        // pilot check reruns it against the emulator (the job is found, not made again).
        let check = try PilotProcess.run(
            ["check", "--trust", "autopilot-sagemaker.pilotbook"], in: folder.path, environment: Self.environment(moto))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("ok: autopilot-sagemaker.pilotbook"))

        // The emulator's state: the uploaded CSVs, the job's request, nothing left running.
        let state = try moto.runBoto3(
            """
            for key in ["bank-marketing/train.csv", "autopilot/bank/train.csv"]:
                body = s3.get_object(Bucket="\(bucket)", Key=key)["Body"].read().decode()
                lines = body.splitlines()
                print(key, lines[0].split(",")[0], lines[0].split(",")[-1], len(lines) - 1)
            print("endpoints", [e["EndpointName"] for e in sagemaker.list_endpoints()["Endpoints"] if e["EndpointName"] == "bank-ep"])
            print("configs", [c["EndpointConfigName"] for c in sagemaker.list_endpoint_configs()["EndpointConfigs"] if c["EndpointConfigName"] == "bank-ep"])
            print("models", [m["ModelName"] for m in sagemaker.list_models()["Models"] if m["ModelName"] == "bank-ep"])
            """)
        #expect(
            state == """
                bank-marketing/train.csv age y 37069
                autopilot/bank/train.csv age y 37069
                endpoints []
                configs []
                models []
                """)
        let jobs = try moto.recordedRequests(operation: "CreateAutoMLJobV2", containing: bucket)
        #expect(jobs.count == 1, "the rerun follows the job that ran")
        let params = try #require(jobs.first?["params"] as? [String: Any])
        #expect(params["RoleArn"] as? String == role)
        let tabular = (params["AutoMLProblemTypeConfig"] as? [String: Any])?["TabularJobConfig"] as? [String: Any]
        #expect(tabular?["TargetAttributeName"] as? String == "y")
        let limits = tabular?["CompletionCriteria"] as? [String: Any]
        #expect(limits?["MaxCandidates"] as? Int == 10)
        #expect(limits?["MaxAutoMLJobRuntimeInSeconds"] as? Int == 7200)
        #expect(
            (params["OutputDataConfig"] as? [String: Any])?["S3OutputPath"] as? String
                == "s3://\(bucket)/autopilot/bank/output")
        // Every request pilot sent reads as botocore's model says it should.
        try moto.validateRecordedRequests(containing: bucket)
        try moto.validateRecordedRequests(containing: "bank-ep")
    }
}

extension SageMakerEndToEndTests {
    static let csv = "age,job,y\n30,admin.,no\n45,technician,yes\n61,retired,no\n38,admin.,no\n52,services,yes\n"

    /// Runs `cells` (one per `pilot` block) in a fresh folder against the emulator; the workbook.
    static func run(_ cells: [String: String], environment: [String: String]) throws -> (PilotProcess.Result, Workbook)
    {
        let folder = ScratchFolder("sagemaker-failures")
        folder.write(Self.csv, to: "people.csv")
        let source = cells.sorted { $0.key < $1.key }.map { "```pilot id=\($0.key)\n\($0.value)\n```\n" }
            .joined(separator: "\n")
        folder.write(source, to: "book.pilotbook")
        let result = try PilotProcess.run(
            ["run", "--trust", "--keep-going", "book.pilotbook"], in: folder.path, environment: environment)
        return (result, try BookFile(path: folder.file("book.pilotbook")).workbook)
    }

    @Test("the preflight names what is not ready, and its fix: bucket, role, trust, region, credentials")
    func preflight() throws {
        let bucket = "pilot-pre-\(UUID().uuidString.prefix(8).lowercased())"
        let (moto, role) = try Self.account(bucket: bucket, role: "pilot-sagemaker")
        let (_, lambda) = try Self.account(bucket: bucket, role: "lambda-only", trusting: "lambda.amazonaws.com")
        let check = { (options: String) in
            "load people.csv as people\nautopilot people target=y backend=sagemaker check_only=yes " + options
        }
        let (_, book) = try Self.run(
            [
                "a-ready": check("role=\(role) output=s3://\(bucket)/runs"),
                "b-bucket": check("role=\(role) output=s3://no-such-\(bucket)/runs"),
                "c-role": check("role=arn:aws:iam::123456789012:role/nobody output=s3://\(bucket)/runs"),
                "d-trust": check("role=\(lambda) output=s3://\(bucket)/runs"),
                "e-region": check("role=\(role) output=s3://\(bucket)/runs region=us-east"),
            ], environment: Self.environment(moto))
        let text = { (cell: String) in book.output(forCell: cell)?.normalizedText ?? "" }
        #expect(text("a-ready").contains("check_only=yes: the account is ready; nothing was created"))
        #expect(
            text("a-ready").contains(
                "│ credentials │ ready  │ arn:aws:iam::123456789012:user/pilot (account 123456789012) │"))
        #expect(text("b-bucket").contains("│ output      │ NOT READY │ see below"))
        #expect(
            text("b-bucket").contains(
                "output: s3://no-such-\(bucket)/runs: S3 bucket 'no-such-\(bucket)' does not exist"))
        #expect(
            text("b-bucket").contains(
                "fix: create it (aws s3 mb s3://no-such-\(bucket)) or name a bucket of yours in output="))
        #expect(
            text("b-bucket").contains(
                "error: the account is not ready for SageMaker Autopilot (output); nothing was created"))
        #expect(text("c-role").contains("role: no role named 'nobody' (NoSuchEntity)"))
        #expect(text("d-trust").contains("role: lambda-only does not let SageMaker assume it"))
        #expect(
            text("d-trust").contains("fix: add sagemaker.amazonaws.com as a trusted service in the role's trust policy")
        )
        #expect(text("e-region").contains("region: 'us-east' is not an AWS region's name"))

        // No credentials at all: the preflight says where it looked.
        var bare = Self.environment(moto)
        bare["AWS_ACCESS_KEY_ID"] = ""
        bare["AWS_SECRET_ACCESS_KEY"] = ""
        bare["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials"
        bare["AWS_CONFIG_FILE"] = "/nonexistent/config"
        let (_, none) = try Self.run(["a": check("role=\(role) output=s3://\(bucket)/runs")], environment: bare)
        let noKeys = none.output(forCell: "a")?.normalizedText ?? ""
        #expect(noKeys.contains("│ credentials │ NOT READY │"))
        #expect(noKeys.contains("fix: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
        #expect(try moto.recordedRequests(operation: "CreateAutoMLJobV2", containing: bucket).isEmpty)
    }

    @Test("a job that fails, an endpoint that fails, throttling: each a clear diagnostic, the workbook saved")
    func failures() throws {
        let bucket = "pilot-fail-\(UUID().uuidString.prefix(8).lowercased())"
        let (moto, role) = try Self.account(bucket: bucket, role: "pilot-sagemaker")
        try moto.failNextJob(
            reason: "ClientError: The training data has 5 rows; at least 500 are needed.", nameContains: "failing")
        try moto.failNextEndpoint(reason: "The primary container failed its ping health check.", nameContains: "doomed")
        try moto.throttle(count: 2, operation: "DescribeAutoMLJobV2", containing: "throttled")
        try moto.throttle(count: 8, operation: "CreateEndpoint", containing: "busy")
        let start = "params role=\(role) output=s3://\(bucket)/runs\nload people.csv as people\n"
        let (result, book) = try Self.run(
            [
                "a-failing": start + "autopilot people target=y as failing backend=sagemaker",
                "b-doomed": start
                    + "autopilot people target=y as ok backend=sagemaker max_candidates=2\ndeploy ok.best as doomed",
                "c-throttled": start + "autopilot people target=y as throttled backend=sagemaker max_candidates=2",
                "d-busy": start
                    + "autopilot people target=y as ok backend=sagemaker max_candidates=2\ndeploy ok.best as busy",
            ], environment: Self.environment(moto))
        #expect(result.status == 1)
        let text = { (cell: String) in book.output(forCell: cell)?.normalizedText ?? "" }
        #expect(text("a-failing").contains("Status: failed"))
        #expect(
            text("a-failing").contains("failed: ClientError: The training data has 5 rows; at least 500 are needed."))
        #expect(
            text("a-failing").contains("hint: fix what it says, then run the cell again with another experiment name"))
        #expect(
            text("b-doomed").contains(
                "SageMaker endpoint doomed failed: The primary container failed its ping health check."))
        #expect(text("b-doomed").contains("hint: cleanup doomed deletes what was made"))
        // Two throttled describes are retried and the job is followed to its end.
        #expect(text("c-throttled").contains("Status: completed"), "\(text("c-throttled"))")
        #expect(
            try moto.recordedRequests(operation: "DescribeAutoMLJobV2", containing: "throttled").contains {
                $0["throttled"] as? Bool == true
            })
    }
}

extension SageMakerEndToEndTests {
    @Test("every setting of the cell reaches CreateAutoMLJobV2 as botocore's model names it")
    func everySettingMapped() throws {
        let bucket = "pilot-map-\(UUID().uuidString.prefix(8).lowercased())"
        let (moto, role) = try Self.account(bucket: bucket, role: "pilot-sagemaker")
        let (result, book) = try Self.run(
            [
                "a": """
                load people.csv as people
                autopilot people target=y as mapped backend=sagemaker role=\(role) output=s3://\(bucket)/runs \
                problem=binary metric=AUC mode=hpo max_candidates=3 max_runtime=30m max_trial_runtime=5m \
                candidates_only=yes exclude=job
                """
            ], environment: Self.environment(moto))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            book.output(forCell: "a")?.normalizedText.contains("Status: completed: candidate definitions generated")
                == true)
        let request = try #require(try moto.recordedRequests(operation: "CreateAutoMLJobV2", containing: bucket).first)
        let params = try #require(request["params"] as? [String: Any])
        let tabular = try #require(
            (params["AutoMLProblemTypeConfig"] as? [String: Any])?["TabularJobConfig"] as? [String: Any])
        #expect(tabular["TargetAttributeName"] as? String == "y")
        #expect(tabular["ProblemType"] as? String == "BinaryClassification")
        #expect(tabular["Mode"] as? String == "HYPERPARAMETER_TUNING")
        #expect(tabular["GenerateCandidateDefinitionsOnly"] as? Bool == true)
        let limits = try #require(tabular["CompletionCriteria"] as? [String: Any])
        #expect(limits["MaxCandidates"] as? Int == 3)
        #expect(limits["MaxAutoMLJobRuntimeInSeconds"] as? Int == 1800)
        #expect(limits["MaxRuntimePerTrainingJobInSeconds"] as? Int == 300)
        #expect((params["AutoMLJobObjective"] as? [String: Any])?["MetricName"] as? String == "AUC")
        let header = try moto.runBoto3(
            "print(s3.get_object(Bucket=\"\(bucket)\", Key=\"runs/mapped/train.csv\")[\"Body\"].read().decode().splitlines()[0])"
        )
        #expect(header == "age,y", "the excluded column is not uploaded")
        try moto.validateRecordedRequests(containing: bucket)

        // The job's notebooks, where the output says they are, come down with download.
        let output = book.output(forCell: "a")?.normalizedText ?? ""
        let notebook = try #require(
            output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("s3://") && $0.hasSuffix("DataExplorationNotebook.ipynb") })
        let (fetched, fetchedBook) = try Self.run(
            ["a": "download \(notebook) to notebooks/"], environment: Self.environment(moto))
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        #expect(
            fetchedBook.output(forCell: "a")?.normalizedText.contains("SageMakerAutopilotDataExplorationNotebook.ipynb")
                == true)
    }
}
