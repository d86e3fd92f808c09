import AWS
import Cloud
import Diagnostics
import Foundation

extension SageMakerAutopilot {
    /// Checks, before anything is created, what a job needs: whose credentials these are (STS),
    /// the region, the output bucket (reachable, writable: a small object is written and
    /// deleted) and the role (present, trusting SageMaker). Every line that is not ready says
    /// what to fix; nothing is left behind.
    public func preflight(role: String, output: CloudLocation, region: String?) -> [PreflightCheck] {
        let client = aws(region)
        var checks: [PreflightCheck] = []
        let identity = Self.run { () async throws(AWSError) in try await client.account.callerIdentity() }
        switch identity {
        case .success(let who):
            checks.append(
                PreflightCheck(item: "credentials", ready: true, detail: "\(who.arn) (account \(who.account))"))
        case .failure(let error):
            let diagnostic = error.diagnostic
            checks.append(
                PreflightCheck(item: "credentials", ready: false, detail: diagnostic.message, fix: diagnostic.hint))
        }
        checks.append(Self.regionCheck(region: { () throws(Diagnostic) in try self.region(region) }))
        // Without credentials nothing else can be asked.
        guard case .success = identity else { return checks }
        checks.append(Self.bucketCheck(output, client: client))
        checks.append(Self.roleCheck(role, client: client))
        return checks
    }

    /// A region is configured, and reads as an AWS region's name (`us-east-1`, `ap-northeast-1`).
    static func regionCheck(region: () throws(Diagnostic) -> String) -> PreflightCheck {
        let name: String
        do throws(Diagnostic) {
            name = try region()
        } catch {
            return PreflightCheck(item: "region", ready: false, detail: error.message, fix: error.hint)
        }
        guard name.wholeMatch(of: /[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}/) != nil else {
            return PreflightCheck(
                item: "region", ready: false, detail: "'\(name)' is not an AWS region's name",
                fix: "write region=us-east-1 (or the region of your bucket), or set AWS_REGION")
        }
        return PreflightCheck(item: "region", ready: true, detail: name)
    }

    /// The bucket answers a listing and takes (then gives up) a small object under the prefix.
    static func bucketCheck(_ output: CloudLocation, client: AWSClient) -> PreflightCheck {
        let item = "output"
        let probe = output.appending(".pilot-preflight")
        let listed = run { () async throws(AWSError) in
            try await client.s3.listObjects(bucket: output.bucket, prefix: output.key)
        }
        if case .failure(let error) = listed {
            let fix =
                error.code == "NoSuchBucket"
                ? "create it (aws s3 mb s3://\(output.bucket)) or name a bucket of yours in output="
                : error.diagnostic.hint
            return PreflightCheck(item: item, ready: false, detail: "\(output): " + error.diagnostic.message, fix: fix)
        }
        let written = run { () async throws(AWSError) in
            try await client.s3.putObject(bucket: probe.bucket, key: probe.key, data: Data("pilot preflight\n".utf8))
            try await client.s3.deleteObject(bucket: probe.bucket, key: probe.key)
        }
        if case .failure(let error) = written {
            return PreflightCheck(
                item: item, ready: false, detail: "\(output) cannot be written: \(error.diagnostic.message)",
                fix: "these credentials need s3:PutObject and s3:DeleteObject on the bucket")
        }
        return PreflightCheck(item: item, ready: true, detail: "\(output) (reachable, writable)")
    }

    /// The role exists and its trust policy lets SageMaker assume it.
    static func roleCheck(_ role: String, client: AWSClient) -> PreflightCheck {
        let item = "role"
        guard role.hasPrefix("arn:"), let name = role.split(separator: "/").last.map(String.init),
            role.contains(":role/")
        else {
            return PreflightCheck(
                item: item, ready: false, detail: "'\(role)' is not a role ARN",
                fix: "write role=arn:aws:iam::ACCOUNT:role/NAME (IAM > Roles shows it)")
        }
        switch run({ () async throws(AWSError) in try await client.account.role(named: name) }) {
        case .failure(let error) where error.code == "NoSuchEntity":
            return PreflightCheck(
                item: item, ready: false, detail: "no role named '\(name)' (NoSuchEntity)",
                fix: "create it with AmazonSageMakerFullAccess and a trust policy for sagemaker.amazonaws.com, "
                    + "or check role=")
        case .failure(let error):
            return PreflightCheck(
                item: item, ready: false, detail: error.diagnostic.message, fix: error.diagnostic.hint)
        case .success(let found):
            guard found.trustedServices.contains("sagemaker.amazonaws.com") else {
                return PreflightCheck(
                    item: item, ready: false, detail: "\(name) does not let SageMaker assume it",
                    fix: "add sagemaker.amazonaws.com as a trusted service in the role's trust policy")
            }
            return PreflightCheck(item: item, ready: true, detail: "\(name) (SageMaker may assume it)")
        }
    }

    /// Runs one short AWS call for a check; its result, whatever it is.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws(AWSError) -> T) -> Result<T, AWSError> {
        SyncBridge.run(isCancelled: { false }, work)
            ?? .failure(AWSError(code: AWSError.Code.cancelled, message: "cancelled"))
    }
}
