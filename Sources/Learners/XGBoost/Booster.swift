import CXGBoost

/// An XGBoost model being trained or used (`BoosterHandle`), owned: freed when this object
/// goes. Not thread-safe: one owner uses it at a time.
///
/// ```swift
/// let train = try DMatrix(values: x, rows: n, columns: d, labels: y)
/// let booster = try Booster(parameters: ["objective": "binary:logistic", "max_depth": "6"], cache: [train])
/// for round in 0..<100 { try booster.update(round: round, train: train) }
/// let probabilities = try booster.predict(train)
/// ```
public final class Booster {
    let handle: BoosterHandle
    /// The matrices the booster caches predictions for. XGBoost (1.x) only keeps weak
    /// references to them, so they may be let go once training is over.
    private var cache: [DMatrix]
    /// The proxy matrix inplace predictions go through, made once: without one, XGBoost makes
    /// a fresh one per call, which reads the cgroup CPU quota from /sys each time.
    var inplaceProxy: DMatrixHandle?

    /// A new booster with these parameters (see XGBoost's parameter reference).
    public init(parameters: [String: String], cache: [DMatrix] = []) throws(XGBoostError) {
        var out: BoosterHandle?
        var handles: [DMatrixHandle?] = cache.map(\.handle)
        try handles.withUnsafeMutableBufferPointer { buffer throws(XGBoostError) in
            try XGBoostCall.check("XGBoosterCreate") {
                XGBoosterCreate(buffer.baseAddress, bst_ulong(cache.count), &out)
            }
        }
        handle = out!
        self.cache = cache
        for name in parameters.keys.sorted() { try set(name, parameters[name]!) }
    }

    /// A booster loaded from a model saved by ``serialized()`` (XGBoost's JSON model format).
    public convenience init(model: [UInt8]) throws(XGBoostError) {
        try self.init()
        try model.withUnsafeBufferPointer { buffer throws(XGBoostError) in try load(UnsafeRawBufferPointer(buffer)) }
    }

    /// A booster from a model XGBoost saved in memory, read where it is (not copied first).
    convenience init(modelBuffer buffer: UnsafeRawBufferPointer) throws(XGBoostError) {
        try self.init()
        try load(buffer)
    }

    /// A booster without a model yet, to load one into.
    private init() throws(XGBoostError) {
        var out: BoosterHandle?
        try XGBoostCall.check("XGBoosterCreate") { XGBoosterCreate(nil, 0, &out) }
        handle = out!
        cache = []
    }

    private func load(_ buffer: UnsafeRawBufferPointer) throws(XGBoostError) {
        try XGBoostCall.check("XGBoosterLoadModelFromBuffer") {
            XGBoosterLoadModelFromBuffer(handle, buffer.baseAddress, bst_ulong(buffer.count))
        }
    }

    deinit {
        if let inplaceProxy { XGDMatrixFree(inplaceProxy) }
        XGBoosterFree(handle)
    }

    /// Lets go of the training and validation matrices (their memory goes with them); the
    /// booster predicts on any matrix afterwards.
    public func releaseCachedMatrices() {
        cache = []
    }

    /// Sets one parameter.
    public func set(_ name: String, _ value: String) throws(XGBoostError) {
        try XGBoostCall.check("XGBoosterSetParam(\(name))") { XGBoosterSetParam(handle, name, value) }
    }

    /// One boosting round on `train`.
    public func update(round: Int, train: DMatrix) throws(XGBoostError) {
        try XGBoostCall.check("XGBoosterUpdateOneIter") { XGBoosterUpdateOneIter(handle, Int32(round), train.handle) }
    }

    /// The evaluation line XGBoost prints for a round, e.g. `[3]\tvalid-auc:0.93`.
    public func evaluate(round: Int, on sets: [(DMatrix, String)]) throws(XGBoostError) -> String {
        var handles: [DMatrixHandle?] = sets.map(\.0.handle)
        var result: UnsafePointer<CChar>?
        try withCStrings(sets.map(\.1)) { names throws(XGBoostError) in
            try handles.withUnsafeMutableBufferPointer { buffer throws(XGBoostError) in
                try XGBoostCall.check("XGBoosterEvalOneIter") {
                    XGBoosterEvalOneIter(
                        handle, Int32(round), buffer.baseAddress, names, bst_ulong(sets.count), &result)
                }
            }
        }
        return String(cString: result!)
    }

    /// How many rounds the model holds.
    public var rounds: Int {
        get throws(XGBoostError) {
            var out: Int32 = 0
            try XGBoostCall.check("XGBoosterBoostedRounds") { XGBoosterBoostedRounds(handle, &out) }
            return Int(out)
        }
    }

    /// What to predict.
    public enum Prediction: Int {
        /// Transformed output: probabilities for classification, values for regression.
        case value = 0
        /// Untransformed margins.
        case margin = 1
        /// SHAP contributions per feature, plus a bias column.
        case contributions = 2
    }

    /// Predictions for every row of `data`, flattened row-major; the second value is the
    /// number of values per row. The result is copied out of XGBoost's thread-local buffer.
    public func predict(
        _ data: DMatrix, _ kind: Prediction = .value, rounds: Int? = nil
    ) throws(XGBoostError)
        -> (values: [Float], perRow: Int)
    {
        let end = rounds ?? 0
        let config =
            #"{"type": \#(kind.rawValue), "training": false, "iteration_begin": 0, "iteration_end": \#(end), "#
            + #""strict_shape": false}"#
        var shape: UnsafePointer<bst_ulong>?
        var dimensions: bst_ulong = 0
        var result: UnsafePointer<Float>?
        try XGBoostCall.check("XGBoosterPredictFromDMatrix") {
            XGBoosterPredictFromDMatrix(handle, data.handle, config, &shape, &dimensions, &result)
        }
        var total = 1
        for i in 0..<Int(dimensions) { total *= Int(shape![i]) }
        let values = Array(UnsafeBufferPointer(start: result, count: total))
        return (values, data.rows == 0 ? 0 : total / data.rows)
    }

    /// A booster holding only the model. A trained booster keeps its updater's working state
    /// (histograms, row partitions: megabytes per booster) until it is freed; a search that keeps
    /// dozens of fold models keeps the copies instead.
    public func compacted() throws(XGBoostError) -> Booster {
        var length: bst_ulong = 0
        var bytes: UnsafePointer<CChar>?
        try XGBoostCall.check("XGBoosterSaveModelToBuffer") {
            XGBoosterSaveModelToBuffer(handle, #"{"format": "ubj"}"#, &length, &bytes)
        }
        return try Booster(modelBuffer: UnsafeRawBufferPointer(start: bytes, count: Int(length)))
    }

    /// The model in XGBoost's JSON format, loadable by Python's xgboost (`Booster.load_model`).
    public func serialized() throws(XGBoostError) -> [UInt8] {
        var length: bst_ulong = 0
        var bytes: UnsafePointer<CChar>?
        try XGBoostCall.check("XGBoosterSaveModelToBuffer") {
            XGBoosterSaveModelToBuffer(handle, #"{"format": "json"}"#, &length, &bytes)
        }
        return UnsafeRawBufferPointer(start: bytes, count: Int(length)).map { $0 }
    }
}
