import Frames
import Learners

/// The matrices candidates train on, each made once and shared by every candidate that needs
/// it: XGBoost's quantised matrices and the dense ones of the linear learner and the MLP, per
/// pipeline, sample size (rung) and fold. Rows are encoded from the frame in batches, so the
/// whole float matrix of a large frame never exists; what no later candidate needs is let go.
final class TrainingData {
    /// One split of labelled rows (frame row indices): rows to train on, rows to score on.
    struct Split: Sendable {
        var train: [Int]
        var valid: [Int]
    }

    struct Key: Hashable {
        var pipeline: String
        var rung: Int
        var fold: Int
    }

    let target: TargetAnalysis
    let threads: Int
    let pipelines: [String: FittedPipeline]
    /// `splits[rung][fold]`.
    let splits: [[Split]]
    private let encoders: [String: PipelineEncoder]
    private var quantised: [Key: (train: DMatrix, valid: DMatrix)] = [:]
    private var dense: [Key: (train: DesignMatrix, valid: DesignMatrix)] = [:]
    private var bins: [String: Int] = [:]

    /// Rows encoded at once: about 8 MB of floats, whatever the width.
    private static let batchValues = 2 << 20
    /// Validation rows XGBoost and the MLP watch for early stopping, all of them up to this
    /// many: evaluating a model on every row of a large validation set each round would cost
    /// more than training it.
    static let watchedRows = 20_000

    init(
        frame: Frame, target: TargetAnalysis, pipelines: [String: FittedPipeline], splits: [[Split]], threads: Int
    ) throws(AutopilotError) {
        self.target = target
        self.threads = threads
        self.pipelines = pipelines
        self.splits = splits
        var encoders: [String: PipelineEncoder] = [:]
        for (name, pipeline) in pipelines { encoders[name] = try PipelineEncoder(pipeline, frame: frame) }
        self.encoders = encoders
    }

    func labels(_ rows: [Int]) -> [Float] { rows.map { target.labels[$0] } }

    /// The quantised training matrix of a split for XGBoost and the validation rows it watches
    /// for early stopping, with labels. The validation rows stay plain numbers: XGBoost 1.7
    /// scores a quantised matrix far more slowly than raw values (a sparse one tenfold), and
    /// raw values are what a deployed model is given.
    func quantised(_ key: Key) throws(AutopilotError) -> (train: DMatrix, valid: DMatrix) {
        if let made = quantised[key] { return made }
        let split = splits[key.rung][key.fold]
        let train = try quantised(split.train, pipeline: key.pipeline)
        let watched = Self.watched(split.valid)
        let rows = encoders[key.pipeline]!.matrix(rows: watched)
        do {
            let valid = try DMatrix(
                values: rows.values, rows: rows.rows, columns: rows.columns, labels: labels(watched),
                kinds: rows.kinds, threads: threads)
            quantised[key] = (train, valid)
            return (train, valid)
        } catch {
            throw .learner("XGBoost: \(error.message)")
        }
    }

    /// A quantised matrix of `rows` with their labels (not kept).
    func quantised(_ rows: [Int], pipeline: String) throws(AutopilotError) -> DMatrix {
        do {
            return try DMatrix.quantised(batches(rows, encoders[pipeline]!), threads: threads)
        } catch {
            throw .learner("XGBoost: \(error.message)")
        }
    }

    /// The dense training rows of a split, and the validation rows the MLP watches.
    func dense(_ key: Key) -> (train: DesignMatrix, valid: DesignMatrix) {
        if let made = dense[key] { return made }
        let split = splits[key.rung][key.fold]
        let encoder = encoders[key.pipeline]!
        let made = (encoder.matrix(rows: split.train), encoder.matrix(rows: Self.watched(split.valid)))
        dense[key] = made
        return made
    }

    /// The splits of a sample ladder, one a rung: its sample to train on, scored on the watched
    /// validation rows below the top rung (a model of a sample is compared with others of its
    /// sample; scoring it on every one of many validation rows could cost more than training it)
    /// and on every validation row at the top.
    static func splits(_ ladder: SampleLadder, validRows: [Int]) -> [[Split]] {
        ladder.sizes.indices.map { rung in
            [Split(train: ladder.rows(rung: rung), valid: rung == ladder.top ? validRows : watched(validRows))]
        }
    }

    /// The rows early stopping watches: every validation row up to ``watchedRows``, else an even spread.
    static func watched(_ rows: [Int]) -> [Int] {
        rows.evenlySpread(upTo: watchedRows)
    }

    /// A model's scores on a split's validation rows: on the watched ones when they are all of
    /// them, else encoded a batch at a time.
    func validScores<E: Error>(
        _ key: Key, watched: [Float]? = nil, _ score: (DesignMatrix) throws(E) -> [Float]
    ) throws(E) -> [Float] {
        let rows = splits[key.rung][key.fold].valid
        if rows.count <= Self.watchedRows {
            if let watched { return watched }
            if let made = dense[key] { return try score(made.valid) }
        }
        let encoder = encoders[key.pipeline]!
        let step = Self.batchRows(encoder)
        var scores: [Float] = []
        for start in stride(from: 0, to: rows.count, by: step) {
            scores += try score(encoder.matrix(rows: rows[start..<min(rows.count, start + step)]))
        }
        return scores
    }

    /// Rows of `encoder`'s width that make one batch.
    private static func batchRows(_ encoder: PipelineEncoder) -> Int {
        max(1024, batchValues / max(1, encoder.width))
    }

    /// The histogram bins XGBoost makes of a pipeline's columns, counted on up to
    /// ``watchedRows`` training rows of the largest sample.
    func histogramBins(pipeline: String) -> Int {
        if let counted = bins[pipeline] { return counted }
        let rows = splits[splits.count - 1][0].train.evenlySpread(upTo: Self.watchedRows)
        let counted = encoders[pipeline]!.matrix(rows: rows).histogramBins()
        bins[pipeline] = counted
        return counted
    }

    /// Lets go of the matrices a candidate of `pipeline` on `rung` does not need, on a sample
    /// ladder: while a larger sample trains only its own matrix is kept (it is the largest by
    /// far); the first sample's matrices, which most candidates use, are kept while candidates
    /// train there. Building a matrix again costs a fraction of training on it.
    func release(keeping pipeline: String, rung: Int) {
        let kept = { (key: Key) in (key.pipeline == pipeline && key.rung == rung) || (rung == 0 && key.rung == 0) }
        quantised = quantised.filter { kept($0.key) }
        dense = dense.filter { kept($0.key) }
    }

    /// Lets go of every matrix of `rung`.
    func release(rung: Int) {
        quantised = quantised.filter { $0.key.rung != rung }
        dense = dense.filter { $0.key.rung != rung }
    }

    /// Rows handed to XGBoost in batches, each encoded when asked for.
    private func batches(_ rows: [Int], _ encoder: PipelineEncoder) -> RowBatches {
        let step = Self.batchRows(encoder)
        let labels = target.labels
        return RowBatches(
            count: (rows.count + step - 1) / step, columns: encoder.width, kinds: encoder.pipeline.outputKinds
        ) { index in
            let slice = rows[(index * step)..<min(rows.count, (index + 1) * step)]
            return (encoder.matrix(rows: slice).values, slice.map { labels[$0] })
        }
    }
}
