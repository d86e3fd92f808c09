import Cloud
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

@Suite("autopilot backend=sagemaker and the commands on its experiments")
struct SageMakerCommandTests {
    final class Fixture {
        let folder = ScratchFolder("sagemaker-commands")
        let cloud: ScriptedCloud
        let storage = MemoryObjectStorage()
        var session: Session

        init(cloud: ScriptedCloud = ScriptedCloud()) {
            self.cloud = cloud
            folder.write(FrameCommandTests.csv, to: "people.csv")
            session = Self.session(folder: folder, cloud: cloud, storage: storage)
        }

        static func session(folder: ScratchFolder, cloud: ScriptedCloud, storage: MemoryObjectStorage) -> Session {
            Session(
                workingDirectory: folder.path, settings: Setting.workbook, environment: ["PILOT_POLL_SECONDS": "0.05"],
                services: [cloud, storage])
        }

        /// A new session on the same folder, as a later `pilot open` would be.
        func reopen() {
            session = Self.session(folder: folder, cloud: cloud, storage: storage)
        }

        func run(_ source: String, interruption: Interruption = Interruption()) -> (status: Kernel.Status, text: String)
        {
            let result = Kernel.standard.run(cell: source, in: session, interruption: interruption)
            return (result.status, result.transcript())
        }

        static let start = """
            params role=arn:aws:iam::123456789012:role/pilot output=s3://class/runs
            load people.csv as people
            """
    }

    static let job = "autopilot people target=y as bank backend=sagemaker max_candidates=3"

    @Test("the whole job: preflight, upload, settings, stages, status, best candidate, nothing time-dependent")
    func wholeJob() throws {
        let f = Fixture()
        _ = f.run(Fixture.start)
        let run = f.run(Self.job + " exclude=balance metric=AUC mode=ensemble max_runtime=10m")
        #expect(run.status == .ok, "\(run.text)")
        let job = try #require(f.cloud.state.withLock { $0.created.first })
        #expect(
            run.text == """
                SageMaker Autopilot in us-east-1: preflight
                ┌─────────────┬────────┬───────────────────────────────────────┐
                │ check       │ status │ detail                                │
                ├─────────────┼────────┼───────────────────────────────────────┤
                │ credentials │ ready  │ arn:aws:iam::123456789012:user/pilot  │
                │ region      │ ready  │ us-east-1                             │
                │ output      │ ready  │ s3://class/runs (reachable, writable) │
                │ role        │ ready  │ pilot (SageMaker may assume it)       │
                └─────────────┴────────┴───────────────────────────────────────┘
                uploaded people (5 rows × 3 columns without balance) as CSV to s3://class/runs/bank/train.csv
                SageMaker Autopilot job for experiment 'bank'
                  target y; problem inferred by SageMaker; objective AUC; mode ENSEMBLING; max_candidates 3;
                      max_runtime 600s
                  seed: not sent (SageMaker Autopilot takes none): its candidates and scores vary from run to run
                Stages: Analyzing data → Feature engineering → Model tuning → Explainability report → Model insights
                Status: completed
                Best candidate: bank.\(job.name)-XGBoost-001  AUC 0.8123
                  data exploration notebook:
                    s3://class/runs/bank/output/\(job.name)/notebooks/data-exploration.ipynb
                  candidate definitions notebook:
                    s3://class/runs/bank/output/\(job.name)/notebooks/candidate-definitions.ipynb
                  next: leaderboard bank, candidate bank.best, deploy bank.best as bank-ep
                saved experiment 'bank' in .pilot/ (SageMaker job \(job.name))

                """)
        // The settings, one to one; the data without the excluded column.
        #expect(job.target == "y" && job.objective == "AUC" && job.mode == "ENSEMBLING")
        #expect(job.maxCandidates == 3 && job.maxRuntimeSeconds == 600 && job.maxTrialRuntimeSeconds == nil)
        #expect(job.problemType == nil && job.role == "arn:aws:iam::123456789012:role/pilot")
        #expect(job.data.description == "s3://class/runs/bank/train.csv")
        let csv = String(decoding: try #require(f.storage["class/runs/bank/train.csv"]), as: UTF8.self)
        #expect(csv.hasPrefix("age,job,y\n30,admin.,no\n"))
        #expect(job.name.hasPrefix("bank-") && job.name.count == 13)
    }

    @Test("without a role or an output, with LogLoss, or with an account not ready: it says so and creates nothing")
    func refusals() {
        let f = Fixture()
        _ = f.run("load people.csv as people")
        let noRole = f.run("autopilot people target=y backend=sagemaker output=s3://class/runs")
        #expect(noRole.status == .error)
        #expect(noRole.text.contains("error: backend=sagemaker needs the IAM role SageMaker runs the job as"))
        #expect(
            noRole.text.contains(
                "hint: add role=arn:aws:iam::ACCOUNT:role/NAME, or params role=... for the whole workbook"))
        _ = f.run("set role=arn:aws:iam::123456789012:role/pilot")
        let noOutput = f.run("autopilot people target=y backend=sagemaker")
        #expect(noOutput.text.contains("error: backend=sagemaker needs output=s3://BUCKET/PREFIX"))
        _ = f.run("set output=s3://class/runs")
        let logLoss = f.run("autopilot people target=y backend=sagemaker metric=LogLoss")
        #expect(logLoss.text.contains("error: metric=LogLoss is not an objective SageMaker Autopilot offers"))
        let wrongBackend = f.run("autopilot people target=y backend=cloud")
        #expect(wrongBackend.text.contains("error: backend=cloud is not valid"))
        #expect(wrongBackend.text.contains("hint: backend takes one of local, sagemaker"))
        #expect(f.cloud.state.withLock { $0.created.isEmpty })
        #expect(f.storage["class/runs/people_exp/train.csv"] == nil)

        let notReady = Fixture(
            cloud: ScriptedCloud(checks: [
                PreflightCheck(item: "credentials", ready: true, detail: "arn:aws:iam::1:user/a"),
                PreflightCheck(
                    item: "role", ready: false, detail: "no role named 'pilot' (NoSuchEntity)",
                    fix: "create it with a trust policy for sagemaker.amazonaws.com, or check role="),
            ]))
        _ = notReady.run(Fixture.start)
        let refused = notReady.run(Self.job)
        #expect(refused.status == .error)
        #expect(refused.text.contains("│ role        │ NOT READY │ see below             │"))
        #expect(
            refused.text.contains("role: no role named 'pilot' (NoSuchEntity)\n  fix: create it with a trust policy"))
        #expect(
            refused.text.contains(
                "error: the account is not ready for SageMaker Autopilot (role); nothing was created"))
        #expect(notReady.cloud.state.withLock { $0.created.isEmpty })
        #expect(notReady.storage["class/runs/bank/train.csv"] == nil)
    }

    @Test("check_only=yes runs the preflight alone")
    func checkOnly() {
        let f = Fixture()
        _ = f.run(Fixture.start)
        let run = f.run(Self.job + " check_only=yes")
        #expect(run.status == .ok)
        #expect(run.text.hasSuffix("check_only=yes: the account is ready; nothing was created\n"))
        #expect(f.cloud.state.withLock { $0.created.isEmpty })
    }

    @Test("running the cell again on the same data follows the same job instead of paying for another")
    func rerunFollowsTheJob() {
        let f = Fixture()
        _ = f.run(Fixture.start)
        let first = f.run(Self.job)
        f.reopen()
        _ = f.run(Fixture.start)
        let second = f.run(Self.job)
        #expect(second.status == .ok)
        #expect(f.cloud.state.withLock { $0.created.count } == 1)
        #expect(first.text == second.text)
        // Other data is another job.
        _ = f.run("filter people where age > 40 as older")
        _ = f.run("autopilot older target=y as bank backend=sagemaker max_candidates=3")
        #expect(f.cloud.state.withLock { $0.created.count } == 2)
    }

    @Test("a job that fails ends the cell with SageMaker's reason; experiments shows it failed")
    func failedJob() {
        let f = Fixture(cloud: ScriptedCloud(failure: "ClientError: target column y has one value"))
        _ = f.run(Fixture.start)
        let run = f.run(Self.job)
        #expect(run.status == .error)
        #expect(run.text.contains("Status: failed\n"))
        #expect(run.text.contains("error: SageMaker job bank-"))
        #expect(run.text.contains("failed: ClientError: target column y has one value\n"))
        #expect(run.text.contains("hint: fix what it says, then run the cell again with another experiment name"))
        let listed = f.run("experiments")
        #expect(listed.text.contains("│ bank       │ sagemaker: failed │"))
    }

    @Test("Ctrl-C stops following, not the job; autopilot attach in a later session follows it to the end")
    func interruptThenAttach() {
        let f = Fixture()
        _ = f.run(Fixture.start)
        let stopped = f.run(Self.job, interruption: f.cloud.interruptingAtSecondLook())
        #expect(stopped.status == .interrupted)
        #expect(stopped.text.contains("hint: job bank-"))
        #expect(
            stopped.text.contains(
                "keeps running on SageMaker: autopilot attach bank follows it again; cleanup experiment bank stops it"))
        f.reopen()
        let attached = f.run("autopilot attach bank")
        #expect(attached.status == .ok, "\(attached.text)")
        #expect(attached.text.hasPrefix("following SageMaker job for experiment 'bank' in us-east-1\n"))
        #expect(attached.text.contains("Status: completed\nBest candidate: bank.bank-"))
        let unknown = f.run("autopilot attach bonk")
        #expect(unknown.text.contains("error: no SageMaker experiment named 'bonk'\nhint: did you mean 'bank'?"))
    }

    @Test("leaderboard, candidate, deploy, predict, endpoints and cleanup on a SageMaker experiment")
    func theTutorialsLastSteps() throws {
        let f = Fixture()
        _ = f.run(Fixture.start)
        _ = f.run(Self.job)
        let job = try #require(f.cloud.state.withLock { $0.created.first?.name })

        let board = f.run("leaderboard bank into board")
        #expect(board.status == .ok, "\(board.text)")
        #expect(board.text.hasPrefix("3 candidates of SageMaker job \(job)\n"))
        #expect(board.text.contains("│    1 │ \(job)-XGBoost-001 │ Completed │ 0.8123 │   0.9123 │"))
        #expect(board.text.contains("kept as frame 'board': 3 rows × 5 columns"))

        let best = f.run("candidate bank.best")
        #expect(best.text.hasPrefix("bank.\(job)-XGBoost-001 (best): SageMaker candidate, Completed\n"))
        #expect(best.text.contains("  inference containers (a pipeline of 2):\n    1. sklearn-automl:2.5\n"))
        #expect(best.text.contains("  data exploration notebook:\n    s3://class/runs/bank/output/\(job)/"))

        let deployed = f.run("deploy bank.best as bank-ep instance=ml.m5.xlarge")
        #expect(deployed.status == .ok, "\(deployed.text)")
        #expect(
            deployed.text == """
                deployed bank.best as SageMaker endpoint 'bank-ep' in us-east-1: InService
                  model: an inference pipeline of 2 containers; ml.m5.xlarge × 1
                  takes text/csv rows (no header, no target); answers predicted_label and probability
                  costs money for every hour it runs, until cleanup bank-ep

                """)
        let request = try #require(f.cloud.state.withLock { $0.endpoints["bank-ep"]?.request })
        #expect(
            request.containers.map { $0.environment["SAGEMAKER_INFERENCE_OUTPUT"] } == [
                "predicted_label,probability", "predicted_label,probability",
            ])

        let predicted = f.run("predict bank-ep people into scored")
        #expect(predicted.status == .ok, "\(predicted.text)")
        #expect(
            predicted.text.hasPrefix(
                "bank-ep (SageMaker) predicted 5 rows in 1 request\n  predicted_label: no 2 (40.0%), yes 3 (60.0%)\n"))
        let row = f.run("predict bank-ep \"30,admin.,1.5\"")
        #expect(row.text.hasPrefix("bank-ep (SageMaker) predicted 1 row in 1 request\n"))

        let listed = f.run("endpoints")
        #expect(listed.text.contains("│ bank-ep  │ bank.best │ SageMaker us-east-1 bank-ep: InService │        2 │"))

        // A later session finds the endpoint through the experiment's record, and deletes it.
        f.reopen()
        let cleaned = f.run("cleanup all")
        #expect(cleaned.status == .ok, "\(cleaned.text)")
        #expect(
            cleaned.text.hasPrefix(
                "deleted SageMaker endpoint 'bank-ep' in us-east-1: endpoint bank-ep, endpoint config bank-ep, model"))
        #expect(f.cloud.state.withLock { $0.endpoints.isEmpty && $0.deleted == ["bank-ep"] })
        #expect(f.run("cleanup all").text == "no endpoints running\n")
    }

    @Test("an endpoint that fails says why and how to clean up")
    func failedEndpoint() {
        let f = Fixture(cloud: ScriptedCloud(endpointFailure: "The primary container failed its ping health check."))
        _ = f.run(Fixture.start)
        _ = f.run(Self.job)
        let deployed = f.run("deploy bank.best")
        #expect(deployed.status == .error)
        #expect(deployed.text.contains("failed: The primary container failed its ping health check."))
        #expect(deployed.text.contains("hint: cleanup bank-ep deletes what was made"))
    }

    @Test("cleanup experiment stops a running job after confirm=yes, and forgets it")
    func cleanupExperiment() {
        let f = Fixture()
        _ = f.run(Fixture.start)
        _ = f.run(Self.job, interruption: f.cloud.interruptingAtSecondLook())
        let asked = f.run("cleanup experiment bank")
        #expect(asked.status == .error)
        #expect(asked.text.contains("would stop SageMaker job bank-"))
        #expect(f.cloud.state.withLock { $0.stopped.isEmpty })
        let done = f.run("cleanup experiment bank confirm=yes")
        #expect(done.status == .ok, "\(done.text)")
        #expect(done.text.contains("stopped SageMaker job bank-"))
        #expect(f.cloud.state.withLock { $0.stopped.count } == 1)
        #expect(f.run("experiments").text == "no experiments yet: run autopilot FRAME target=COL as NAME\n")
    }

    @Test("a SageMaker job or endpoint is a trust risk; a preflight or a local job is not")
    func risks() {
        let kernel = Kernel.standard
        #expect(kernel.risks(in: Self.job).map(\.reason) == ["spends money in your AWS account (backend=sagemaker)"])
        #expect(kernel.risks(in: Self.job + " check_only=yes").isEmpty)
        #expect(kernel.risks(in: "autopilot people target=y").isEmpty)
        #expect(kernel.risks(in: "autopilot people target=y backend=$where").count == 1)
        #expect(kernel.risks(in: "autopilot attach bank").isEmpty)
        #expect(
            kernel.risks(in: "deploy bank.best").map(\.reason) == [
                "starts a web server on this machine, or a SageMaker endpoint that spends money in your AWS account"
            ])
    }

    @Test("a large frame goes to the endpoint in requests under InvokeEndpoint's 6 MB")
    func largePredictions() throws {
        let f = Fixture()
        let filler = String(repeating: "x", count: 90)
        let rows = (0..<60_000).map { "\($0 % 90),job\(filler),\($0 % 7),\($0 % 3 == 0 ? "yes" : "no")" }
        f.folder.write("age,job,balance,y\n" + rows.joined(separator: "\n") + "\n", to: "many.csv")
        _ = f.run(Fixture.start + "\nload many.csv as many")
        _ = f.run(Self.job)
        _ = f.run("deploy bank.best as bank-ep")
        let run = f.run("predict bank-ep many")
        #expect(run.status == .ok, "\(run.text)")
        #expect(run.text.hasPrefix("bank-ep (SageMaker) predicted 60000 rows in 2 requests\n"))
        let payloads = f.cloud.state.withLock { $0.payloads }
        #expect(payloads.count == 2 && payloads.allSatisfy { $0 <= 5_000_000 } && payloads.reduce(0, +) > 5_000_000)
    }
}
