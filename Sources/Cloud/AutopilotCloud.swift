import Diagnostics

/// SageMaker Autopilot and hosting as the cell language needs them: start and follow a job,
/// read its candidates, serve one on an endpoint, send it rows, take it all down. The
/// executable plugs in the implementation over our AWS client; commands and their tests see
/// only this protocol, so they stay free of HTTP.
///
/// Every call names the region it goes to (`nil`: the one AWS's configuration gives), fails
/// with a diagnostic that says what to fix, and returns promptly: waiting is the caller's, so
/// Ctrl-C stops following, never the job.
public protocol AutopilotCloud: Sendable {
    /// The region calls go to when `requested` is nil, for the record and messages.
    func region(_ requested: String?) throws(Diagnostic) -> String

    /// Whether this account is ready to run a job: credentials, region, bucket, role.
    func preflight(role: String, output: CloudLocation, region: String?) -> [PreflightCheck]

    /// Starts a job; its ARN.
    func createJob(_ job: CloudJobRequest, region: String?) throws(Diagnostic) -> String
    /// The job called `name`; nil when there is none in the region.
    func describeJob(_ name: String, region: String?) throws(Diagnostic) -> CloudJobState?
    func stopJob(_ name: String, region: String?) throws(Diagnostic)
    /// Every candidate of a finished job, best first.
    func candidates(ofJob name: String, region: String?) throws(Diagnostic) -> [CloudCandidate]

    /// Creates the model, the endpoint configuration and the endpoint (which then starts).
    func createEndpoint(_ endpoint: CloudEndpointRequest, region: String?) throws(Diagnostic)
    func describeEndpoint(_ name: String, region: String?) throws(Diagnostic) -> CloudEndpointState
    /// SageMaker Runtime's InvokeEndpoint with CSV rows; the answer's bytes.
    func invokeEndpoint(_ name: String, csv: [UInt8], accept: String, region: String?) throws(Diagnostic) -> [UInt8]
    /// Deletes the endpoint, its configuration and its model; what it deleted, as `endpoint NAME`.
    func deleteEndpoint(_ name: String, region: String?) throws(Diagnostic) -> [String]
}

/// A place in S3: `s3://BUCKET/PREFIX`.
public struct CloudLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var bucket: String
    public var key: String

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    public var description: String { "s3://\(bucket)/\(key)" }

    /// `path` under this location, with one slash between.
    public func appending(_ path: String) -> CloudLocation {
        let base = key.isEmpty || key.hasSuffix("/") ? key : key + "/"
        return CloudLocation(bucket: bucket, key: base + path)
    }
}

/// One line of the preflight table: what was checked, whether it is ready, and the fix.
public struct PreflightCheck: Sendable, Equatable {
    public var item: String
    public var ready: Bool
    public var detail: String
    /// What to do when it is not ready.
    public var fix: String?

    public init(item: String, ready: Bool, detail: String, fix: String? = nil) {
        self.item = item
        self.ready = ready
        self.detail = detail
        self.fix = fix
    }
}
