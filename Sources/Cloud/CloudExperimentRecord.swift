/// What a later session needs of an experiment that runs on SageMaker: where the job is, what
/// was asked, and what was last seen of it.
public struct CloudExperimentRecord: Sendable, Equatable, Codable {
    /// The experiment's name in the workbook.
    public var name: String
    /// `sagemaker`.
    public var backend: String
    public var region: String
    public var jobName: String
    public var jobArn: String
    /// The job's settings, as sent.
    public var request: CloudJobRequest
    /// The job as last described.
    public var state: CloudJobState?
    /// The columns a row sent to its endpoints holds, in order (the uploaded ones but the target).
    public var inputColumns: [String]
    /// Endpoints made from it, by name (`cleanup all` deletes them).
    public var endpoints: [String]

    public init(
        name: String, backend: String = "sagemaker", region: String, jobName: String, jobArn: String,
        request: CloudJobRequest, inputColumns: [String], state: CloudJobState? = nil, endpoints: [String] = []
    ) {
        self.name = name
        self.backend = backend
        self.region = region
        self.jobName = jobName
        self.jobArn = jobArn
        self.request = request
        self.inputColumns = inputColumns
        self.state = state
        self.endpoints = endpoints
    }
}
