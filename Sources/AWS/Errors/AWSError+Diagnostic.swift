import Diagnostics

extension AWSError: DiagnosticConvertible {
    /// What went wrong, naming AWS's code, and what to do about it: one line each.
    public var diagnostic: Diagnostic {
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
            return Diagnostic(
                "cannot reach \(operation) at \(details.first ?? "its endpoint"): \(message)",
                hint: "check the network, or the address in AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL")
        case Code.localFile:
            return Diagnostic("\(message): \(resource ?? "")", hint: "check the path and the folder's permissions")
        case "NoSuchBucket":
            return Diagnostic(
                "S3 bucket '\(bucket ?? "")' does not exist (NoSuchBucket)",
                hint: "check the bucket name and the region (AWS_REGION), or create the bucket")
        case "NoSuchKey",
            "NotFound" where status == 404 && key != nil:
            return Diagnostic(
                "no object '\(key ?? "")' in S3 bucket '\(bucket ?? "")' (\(code))",
                hint: "check the key; list the bucket to see what it holds")
        case "InvalidAccessKeyId", "InvalidClientTokenId", "UnrecognizedClientException":
            return Diagnostic(
                "AWS does not know the access key\(quotedKey) (\(code))", hint: checkHint("access key id"))
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            return Diagnostic(
                "AWS rejected the request's signature: the secret key does not match the access key\(quotedKey) (\(code))",
                hint: checkHint("secret access key"))
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpired":
            return Diagnostic(
                "the AWS session token has expired (\(code))",
                hint: "get fresh temporary credentials ('aws sso login', 'aws sts get-session-token') and set "
                    + "AWS_SESSION_TOKEN, or aws_session_token in the profile, again")
        case "InvalidToken", "InvalidTokenException":
            return Diagnostic(
                "AWS rejected the session token (\(code))",
                hint: "check AWS_SESSION_TOKEN, or unset it when the keys are not temporary ones")
        case "AccessDenied", "AccessDeniedException", "Forbidden":
            return Diagnostic(
                "\(operation) was denied\(about) (\(code))\(detail)",
                hint:
                    "the IAM policy of these credentials must allow it; 'aws sts get-caller-identity' shows whose they are"
            )
        case "BucketAlreadyExists":
            return Diagnostic(
                "S3 bucket '\(bucket ?? "")' belongs to another account (BucketAlreadyExists)",
                hint: "bucket names are global: choose another name")
        default:
            if isThrottling {
                return Diagnostic(
                    "AWS kept throttling \(operation) after \(attemptsText) (\(code))",
                    hint: "wait a minute and run the cell again")
            }
            let answered = status.map { " answered \($0) \(code)" } ?? " failed: \(code)"
            if (status ?? 0) >= 500 {
                return Diagnostic(
                    "\(operation)\(answered)\(about)\(detail) (after \(attemptsText))",
                    hint: "the service is having trouble; try again later")
            }
            return Diagnostic(
                "\(operation)\(answered)\(about)\(detail)",
                hint: "see the AWS documentation of \(operation) for \(code)")
        }
    }

    /// ` for object 'k' in bucket 'b'`, ` for bucket 'b'`, or nothing.
    private var about: String {
        guard let bucket else { return "" }
        return key.map { " for object '\($0)' in bucket '\(bucket)'" } ?? " for bucket '\(bucket)'"
    }

    /// `: AWS's message`, when it sent one.
    private var detail: String { message.isEmpty ? "" : ": \(message)" }

    private var attemptsText: String { attempts == 1 ? "1 attempt" : "\(attempts) attempts" }

    private var quotedKey: String { accessKeyId.map { " '\($0)'" } ?? "" }

    /// Which setting to check, from where the keys came: the variables, or a profile's file.
    private func checkHint(_ what: String) -> String {
        let setting = what == "secret access key" ? "aws_secret_access_key" : "aws_access_key_id"
        guard let source = credentialSource, source.hasPrefix("profile ") else {
            let variable = what == "secret access key" ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID"
            return "check the \(what) in \(variable)"
        }
        return "check \(setting) in the \(source)"
    }
}
