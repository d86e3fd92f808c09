/// What an `autopilot` run was asked to do.
public struct AutopilotSettings: Sendable, Codable, Equatable {
    public enum Mode: String, Sendable, Codable, CaseIterable { case auto, hpo, ensemble }

    public var target: String
    public var problem: ProblemType?
    public var metric: Metric?
    public var mode: Mode = .auto
    /// How many candidates to train at most.
    public var maxCandidates = 16
    /// Seconds for the whole search; the best finished candidate is kept when it runs out.
    public var maxRuntime: Double = 300
    /// Seconds for one candidate's training.
    public var maxTrialRuntime: Double = 120
    public var exclude: [String] = []
    /// Stop after writing the candidate definitions, like Autopilot's "run a pilot".
    public var candidatesOnly = false
    public var seed = 0
    /// Threads for training.
    public var threads = 2
    /// Up to this many labelled rows, candidates are scored by cross-validation; above, by one
    /// 80/20 holdout (Autopilot's ensembling mode cross-validates up to 50,000 rows).
    public var crossValidationLimit = 50_000
    /// Up to this many labelled rows cross-validation deals 8 folds, above 5: on small data a fold
    /// model learning from seven eighths of the rows instead of four fifths is a better model,
    /// and a bag of eight varies less (AutoGluon bags 8 folds).
    public var eightFoldLimit = 10_000
    /// With a holdout of at least ``sampleLadderRows`` training rows, candidates start on a
    /// sample of this many (FLAML's first sample size) and the best move up to samples four
    /// times larger, then every row.
    public var firstSampleRows = 10_000
    /// The fewest training rows for which candidates start on a sample: below, every candidate
    /// trains on every row (cheap enough, and a sample would tell candidates apart poorly).
    public var sampleLadderRows = 50_000
    /// Fixed candidates to train instead of searching (the `train` command, and the generated
    /// candidate-definitions workbook).
    public var trials: [Trial]?

    /// One candidate to train as given.
    public struct Trial: Sendable, Codable, Equatable {
        public var pipeline: String
        public var algorithm: Algorithm
        public var hyperparameters: [String: Double]

        public init(pipeline: String, algorithm: Algorithm, hyperparameters: [String: Double]) {
            self.pipeline = pipeline
            self.algorithm = algorithm
            self.hyperparameters = hyperparameters
        }
    }

    public init(target: String) {
        self.target = target
    }
}

extension AutopilotSettings {
    private enum CodingKeys: String, CodingKey {
        case target, problem, metric, mode, maxCandidates, maxRuntime, maxTrialRuntime, exclude, candidatesOnly,
            seed, threads, crossValidationLimit, eightFoldLimit, firstSampleRows, sampleLadderRows, trials
    }

    /// Settings as an experiment record stores them. A record an older pilot wrote lacks the
    /// settings added since, which keep their defaults: its experiment still loads.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(target: try c.decode(String.self, forKey: .target))
        func stored<T: Decodable>(_ key: CodingKeys, or value: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? value
        }
        problem = try c.decodeIfPresent(ProblemType.self, forKey: .problem)
        metric = try c.decodeIfPresent(Metric.self, forKey: .metric)
        mode = try stored(.mode, or: mode)
        maxCandidates = try stored(.maxCandidates, or: maxCandidates)
        maxRuntime = try stored(.maxRuntime, or: maxRuntime)
        maxTrialRuntime = try stored(.maxTrialRuntime, or: maxTrialRuntime)
        exclude = try stored(.exclude, or: exclude)
        candidatesOnly = try stored(.candidatesOnly, or: candidatesOnly)
        seed = try stored(.seed, or: seed)
        threads = try stored(.threads, or: threads)
        crossValidationLimit = try stored(.crossValidationLimit, or: crossValidationLimit)
        eightFoldLimit = try stored(.eightFoldLimit, or: eightFoldLimit)
        firstSampleRows = try stored(.firstSampleRows, or: firstSampleRows)
        sampleLadderRows = try stored(.sampleLadderRows, or: sampleLadderRows)
        trials = try c.decodeIfPresent([Trial].self, forKey: .trials)
    }
}
