import Foundation

/// Credentials, region and endpoints found as boto3 finds them.
///
/// Credentials: `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`), then the
/// profile in the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, `~/.aws/credentials`),
/// then the profile in the config file (`AWS_CONFIG_FILE`, `~/.aws/config`). The profile is
/// `AWS_PROFILE`, `AWS_DEFAULT_PROFILE` or `default`. Region: `AWS_REGION`, `AWS_DEFAULT_REGION`,
/// then the profile's `region`. Endpoints: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
/// profile's `endpoint_url`, then AWS's own.
///
/// Loading never fails: what is missing is reported when a call needs it, so a session without
/// credentials only fails in the cell that uses AWS, saying where it looked.
public struct AWSConfiguration: Sendable {
    public var profile: String
    public var credentialsFile: String
    public var configFile: String
    /// The credentials found, and where, or nil.
    public var credentials: AWSCredentials?
    /// The region found, or nil.
    public var region: String?
    var environment: AWSEnvironment
    private var profileEndpoint: String?

    /// The region used when none is configured but a custom endpoint is (moto, MinIO).
    public static let fallbackRegion = "us-east-1"

    public init(environment: AWSEnvironment = .current) {
        self.environment = environment
        profile = environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default"
        credentialsFile = environment.expandingHome(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        configFile = environment.expandingHome(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let shared = ProfileFile(path: credentialsFile, isConfigFile: false)
        let config = ProfileFile(path: configFile, isConfigFile: true)
        credentials = Self.findCredentials(
            environment, profile: profile, files: [(shared, credentialsFile), (config, configFile)])
        region =
            environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
            ?? config?.value("region", profile: profile)
        profileEndpoint = config?.value("endpoint_url", profile: profile)
    }

    private static func findCredentials(
        _ environment: AWSEnvironment, profile: String, files: [(ProfileFile?, String)]
    ) -> AWSCredentials? {
        if let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] {
            return AWSCredentials(
                accessKeyId: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"],
                source: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        for (file, path) in files {
            guard let file, let id = file.value("aws_access_key_id", profile: profile),
                let secret = file.value("aws_secret_access_key", profile: profile)
            else { continue }
            return AWSCredentials(
                accessKeyId: id, secretAccessKey: secret,
                sessionToken: file.value("aws_session_token", profile: profile),
                source: "profile '\(profile)' in \(path)")
        }
        return nil
    }

    /// The credentials, or the error that lists every place searched.
    public func requireCredentials() throws(AWSError) -> AWSCredentials {
        guard let credentials else { throw AWSError.noCredentials(searched: searchedPlaces) }
        return credentials
    }

    /// Where credentials were looked for, in order, as the no-credentials message lists them.
    public var searchedPlaces: [String] {
        [
            "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            "profile '\(profile)' in \(credentialsFile)\(exists(credentialsFile) ? "" : " (no such file)")",
            "profile '\(profile)' in \(configFile)\(exists(configFile) ? "" : " (no such file)")",
        ]
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The custom endpoint for `service`, if one is configured.
    public func customEndpoint(for service: AWSService) -> String? {
        environment["AWS_ENDPOINT_URL_\(service.endpointVariable)"] ?? environment["AWS_ENDPOINT_URL"]
            ?? profileEndpoint
    }

    /// Where `service`'s requests go, and the region to sign for.
    public func endpoint(for service: AWSService) throws(AWSError) -> (endpoint: AWSEndpoint, region: String) {
        if let custom = customEndpoint(for: service) {
            guard let endpoint = AWSEndpoint(url: custom) else {
                throw AWSError.badEndpoint(custom, variable: "AWS_ENDPOINT_URL_\(service.endpointVariable)")
            }
            return (endpoint, region ?? Self.fallbackRegion)
        }
        if service == .iam {
            return (AWSEndpoint(scheme: "https", host: "iam.amazonaws.com", isAWS: true), "us-east-1")
        }
        guard let region else { throw AWSError.noRegion(profile: profile, configFile: configFile) }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return (AWSEndpoint(scheme: "https", host: "\(service.hostPrefix).\(region).\(suffix)", isAWS: true), region)
    }
}
