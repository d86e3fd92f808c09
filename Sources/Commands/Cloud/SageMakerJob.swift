import Autopilot
import Cloud
import Crypto
import Diagnostics
import Foundation
import Frames
import Kernel
import TextLayout

/// `autopilot FRAME target=COL as EXP backend=sagemaker ...`: the workbook's settings mapped one
/// to one onto `CreateAutoMLJobV2`, after a preflight; the frame uploaded under `output=`; the
/// job followed stage by stage.
struct SageMakerJob {
    let command: AutopilotCommand
    let frame: Frame
    let context: CommandContext

    var experiment: String { command.name ?? command.frame + "_exp" }

    func run() throws {
        let session = context.session
        let cloud = try context.cloud()
        guard let role = command.role ?? session.workbookValue("role") else {
            throw Diagnostic(
                "backend=sagemaker needs the IAM role SageMaker runs the job as",
                hint: "add role=arn:aws:iam::ACCOUNT:role/NAME, or params role=... for the whole workbook")
        }
        guard let outputText = command.output ?? session.workbookValue("output") else {
            throw Diagnostic(
                "backend=sagemaker needs output=s3://BUCKET/PREFIX, where the data and the job's artifacts go",
                hint: "add output=s3://BUCKET/PREFIX, or params output=... for the whole workbook")
        }
        guard let output = S3Location(outputText) else {
            throw Diagnostic(
                "output=\(outputText) is not an S3 address", hint: "write output=s3://BUCKET/PREFIX")
        }
        let region = command.region ?? session.workbookValue("region")
        _ = try frame.requireColumn(command.target, in: command.frame)
        for column in command.exclude ?? [] { _ = try frame.requireColumn(column, in: command.frame) }
        let place = CloudLocation(bucket: output.bucket, key: output.key)
        let regionName = try cloud.region(region)

        context.live?.progress("Checking the account", fraction: nil, detail: regionName)
        let checks = cloud.preflight(role: role, output: place, region: region)
        context.live?.endProgress()
        context.print("SageMaker Autopilot in \(regionName): preflight")
        context.print(PreflightReport.table(checks, width: context.width))
        let failing = checks.filter { !$0.ready }.map(\.item)
        guard failing.isEmpty else {
            throw Diagnostic(
                "the account is not ready for SageMaker Autopilot (\(failing.joined(separator: ", "))); "
                    + "nothing was created",
                hint: "fix what the preflight says, then run the cell again (check_only=yes only checks)")
        }
        if command.checkOnly {
            context.print("check_only=yes: the account is ready; nothing was created")
            return
        }

        // The data, without the excluded columns, as the job reads it.
        let data = command.exclude.map { frame.dropping(Set($0)) } ?? frame
        let bytes = CSVWriter.bytes(of: data, separator: 0x2C)
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let dataLocation = output.appending("\(experiment)/train.csv")
        let request = try jobRequest(
            role: role, data: CloudLocation(bucket: dataLocation.bucket, key: dataLocation.key),
            output: place.appending("\(experiment)/output"), digest: digest)
        try upload(bytes, to: dataLocation, shape: Sizes.shape(data))

        var lines = ["SageMaker Autopilot job for experiment '\(experiment)'"]
        lines.append("  " + Self.settingsLine(request))
        lines.append(
            "  seed: not sent (SageMaker Autopilot takes none): its candidates and scores vary from run to run")
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))

        // The same data and settings name the same job: a rerun follows it rather than paying again.
        var arn = ""
        if try cloud.describeJob(request.name, region: region) != nil {
            context.note(
                "job \(request.name) already ran these data with these settings: following it "
                    + "(name the experiment differently for a new job)")
        } else {
            arn = try cloud.createJob(request, region: region)
            context.note("started job \(request.name): \(arn)")
        }
        var record = CloudExperimentRecord(
            name: experiment, region: regionName, jobName: request.name, jobArn: arn, request: request,
            inputColumns: data.columnNames.filter { $0 != command.target })
        if let previous = try? session.cloudExperiment(experiment), previous.record.jobName == request.name {
            record.endpoints = previous.record.endpoints
            if arn.isEmpty { record.jobArn = previous.record.jobArn }
        }
        session.remove(experiment)
        let value = CloudExperimentValue(record: record)
        session.store(value, as: experiment)
        try session.save(record)
        try JobFollower(value: value, context: context).follow()
    }

    /// Sends the CSV to S3 with progress; says where it went.
    private func upload(_ bytes: [UInt8], to location: S3Location, shape: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-job-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else {
            throw Diagnostic(
                "cannot write \(command.frame) as CSV to \(scratch)",
                hint: "check the free space of the temporary folder")
        }
        _ = try context.upload(scratch, to: location, label: location.fileName)
        let without = command.exclude.map { " without " + $0.joined(separator: ", ") } ?? ""
        context.print("uploaded \(command.frame) (\(shape)\(without)) as CSV to \(location)")
    }

    /// The job's request: the workbook's settings in AWS's words. A setting the cloud cannot
    /// honour is refused here, before anything is created.
    func jobRequest(
        role: String, data: CloudLocation, output: CloudLocation, digest: String
    ) throws
        -> CloudJobRequest
    {
        var request = CloudJobRequest(
            name: "", role: role, data: data, output: output, target: command.target,
            candidatesOnly: command.candidatesOnly)
        switch command.problem {
        case .binary?: request.problemType = "BinaryClassification"
        case .multiclass?: request.problemType = "MulticlassClassification"
        case .regression?: request.problemType = "Regression"
        case .auto?, nil: break
        }
        if let metric = command.metric {
            guard Self.objectives.contains(metric) else {
                throw Diagnostic(
                    "metric=\(metric.rawValue) is not an objective SageMaker Autopilot offers",
                    hint: "choose one of " + Self.objectives.map(\.rawValue).joined(separator: ", "))
            }
            request.objective = metric.rawValue
        }
        switch command.mode {
        case .auto?: request.mode = "AUTO"
        case .hpo?: request.mode = "HYPERPARAMETER_TUNING"
        case .ensemble?: request.mode = "ENSEMBLING"
        case nil: break
        }
        request.maxCandidates = command.maxCandidates
        request.maxRuntimeSeconds = command.maxRuntime.map { Int($0.rounded(.up)) }
        request.maxTrialRuntimeSeconds = command.maxTrialRuntime.map { Int($0.rounded(.up)) }
        request.name = Self.jobName(experiment: experiment, request: request, digest: digest)
        return request
    }

    /// The objectives both backends know (SageMaker has no LogLoss objective).
    static let objectives: [Metric] = Metric.allCases.filter { $0 != .logLoss }

    /// `bank-1a2b3c4d`: the experiment's name (as SageMaker allows: letters, digits, hyphens) and
    /// a digest of the data and settings, within SageMaker's 32 characters. The same cell on the
    /// same data names the same job, so a rerun finds it instead of paying again.
    static func jobName(experiment: String, request: CloudJobRequest, digest: String) -> String {
        var stem = String(experiment.map { $0.isLetter && $0.isASCII || $0.isNumber ? $0 : "-" })
        while stem.contains("--") { stem = stem.replacingOccurrences(of: "--", with: "-") }
        stem = String(stem.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(23))
        var unnamed = request
        unnamed.name = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let settings = (try? encoder.encode(unnamed)) ?? Data()
        let hash = SHA256.hash(data: settings + Data(digest.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        return (stem.isEmpty ? "pilot" : stem) + "-" + hash
    }

    /// `target y; problem BinaryClassification; objective F1; mode ENSEMBLING; max_candidates 5`:
    /// what was sent, AWS's defaults named as such.
    static func settingsLine(_ r: CloudJobRequest) -> String {
        var parts = ["target \(r.target)"]
        parts.append("problem \(r.problemType ?? "inferred by SageMaker")")
        parts.append("objective \(r.objective ?? "SageMaker's default for the problem")")
        parts.append("mode \(r.mode ?? "AUTO")")
        if let n = r.maxCandidates { parts.append("max_candidates \(n)") }
        if let s = r.maxRuntimeSeconds { parts.append("max_runtime \(s)s") }
        if let s = r.maxTrialRuntimeSeconds { parts.append("max_trial_runtime \(s)s") }
        if r.candidatesOnly { parts.append("candidates_only") }
        return parts.joined(separator: "; ")
    }
}
