import Diagnostics

extension AWSError: DiagnosticConvertible {
    /// What went wrong, naming AWS's code, and what to do about it.
    public var diagnostic: Diagnostic {
        let about = resource.map { " (\($0))" } ?? ""
        let keySource = credentialSource.map { " (the key comes from \($0))" } ?? ""
        switch code {
        case Code.cancelled:
            return .interrupted(hint: "run the cell again to start over")
        case Code.noCredentials:
            return Diagnostic(
                "no AWS credentials found; looked in " + details.joined(separator: "; "),
                hint: "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys), "
                    + "or run 'aws configure'")
        case Code.noRegion:
            return Diagnostic(
                "no AWS region configured; looked in " + details.joined(separator: ", "),
                hint: "set AWS_REGION (e.g. AWS_REGION=us-east-1), or region in the profile")
        case Code.badEndpoint:
            return Diagnostic(
                "endpoint \(message)", hint: "set \(details.first ?? "AWS_ENDPOINT_URL") to e.g. http://127.0.0.1:5000")
        case Code.unreachable:
            let endpoint = details.first ?? "the endpoint"
            return Diagnostic(
                "cannot reach \(operation) at \(endpoint): \(message)",
                hint: "check the network, or the address in AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL")
        case Code.localFile:
            return Diagnostic("\(message): \(resource ?? "")", hint: "check the path and the folder's permissions")
        case "NoSuchBucket":
            return Diagnostic(
                "\(operation): no such bucket\(about) (NoSuchBucket)",
                hint: "check the bucket name and the region (AWS_REGION), or create the bucket")
        case "NoSuchKey",
            "NotFound" where status == 404:
            return Diagnostic(
                "\(operation): no such object\(about) (\(code))",
                hint: "check the key; list the bucket to see what it holds")
        case "InvalidAccessKeyId", "InvalidClientTokenId", "UnrecognizedClientException":
            return Diagnostic(
                "\(operation): AWS does not know this access key\(keySource) (\(code))",
                hint: "check AWS_ACCESS_KEY_ID, or aws_access_key_id in the profile (AWS_PROFILE)")
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            return Diagnostic(
                "\(operation): the request signature does not match (\(code)): the secret key is wrong\(keySource)",
                hint: "check AWS_SECRET_ACCESS_KEY, or aws_secret_access_key in the profile (AWS_PROFILE)")
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpired":
            return Diagnostic(
                "\(operation): the AWS session token has expired (\(code))\(keySource)",
                hint: "get fresh temporary credentials (e.g. 'aws sso login' or 'aws sts get-session-token') "
                    + "and set AWS_SESSION_TOKEN again")
        case "InvalidToken", "InvalidTokenException":
            return Diagnostic(
                "\(operation): AWS rejected the session token (\(code))\(keySource)",
                hint: "check AWS_SESSION_TOKEN, or unset it when the keys are not temporary")
        case "AccessDenied", "AccessDeniedException", "Forbidden":
            return Diagnostic(
                "\(operation): access denied\(about) (\(code)): \(message)",
                hint:
                    "the IAM policy of these credentials must allow it; 'aws sts get-caller-identity' shows who they are"
            )
        case "BucketAlreadyOwnedByYou", "BucketAlreadyExists":
            return Diagnostic(
                "\(operation): the bucket already exists\(about) (\(code))",
                hint: code == "BucketAlreadyExists" ? "bucket names are global: choose another name" : "use it as it is"
            )
        default:
            if isThrottling {
                return Diagnostic(
                    "\(operation): AWS kept throttling the request after \(attempts) attempts (\(code))",
                    hint: "wait a minute and run the cell again")
            }
            let status = self.status.map { " answered \($0) \(code)" } ?? " failed: \(code)"
            let text = message.isEmpty ? "" : ": \(message)"
            if (self.status ?? 0) >= 500 {
                return Diagnostic(
                    "\(operation)\(status)\(text) (after \(attempts) attempts)",
                    hint: "the service is having trouble; try again later")
            }
            return Diagnostic(
                "\(operation)\(status)\(about)\(text)", hint: "see the AWS documentation of \(operation) for \(code)")
        }
    }
}
