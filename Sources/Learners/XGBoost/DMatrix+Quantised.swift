import CXGBoost

/// Rows handed to XGBoost a batch at a time: a quantised matrix is built from them without the
/// whole float matrix ever being in memory.
public struct RowBatches {
    public var count: Int
    public var columns: Int
    public var kinds: [DMatrix.FeatureKind]
    /// Batch `index`: its values, row-major (NaN is missing), and one label per row (if any).
    public var batch: (_ index: Int) -> (values: [Float], labels: [Float]?)

    public init(
        count: Int, columns: Int, kinds: [DMatrix.FeatureKind],
        batch: @escaping (_ index: Int) -> (values: [Float], labels: [Float]?)
    ) {
        self.count = count
        self.columns = columns
        self.kinds = kinds
        self.batch = batch
    }
}

extension DMatrix {
    /// A quantised matrix (XGBoost's QuantileDMatrix): each value kept as its histogram bin, one
    /// byte for up to 256 bins, which is all `tree_method=hist` reads. Built from `batches`
    /// (read twice: once to sketch the bins, once to fill them). A validation matrix passes the
    /// training one as `reference`, so both use the same bins.
    public static func quantised(
        _ batches: RowBatches, reference: DMatrix? = nil, maxBin: Int = 256, threads: Int = 2
    ) throws(XGBoostError) -> DMatrix {
        var proxy: DMatrixHandle?
        try XGBoostCall.check("XGProxyDMatrixCreate") { XGProxyDMatrixCreate(&proxy) }
        defer { XGDMatrixFree(proxy) }
        let iterator = BatchIterator(batches, proxy: proxy!)
        let opaque = Unmanaged.passUnretained(iterator).toOpaque()
        let reset: @convention(c) (DataIterHandle?) -> Void = { handle in
            Unmanaged<BatchIterator>.fromOpaque(handle!).takeUnretainedValue().next = 0
        }
        let next: @convention(c) (DataIterHandle?) -> Int32 = { handle in
            Unmanaged<BatchIterator>.fromOpaque(handle!).takeUnretainedValue().advance()
        }
        var out: DMatrixHandle?
        let config = #"{"missing": NaN, "nthread": \#(threads), "max_bin": \#(maxBin)}"#
        let status = withExtendedLifetime(iterator) {
            XGQuantileDMatrixCreateFromCallback(opaque, proxy, reference?.handle, reset, next, config, &out)
        }
        if let error = iterator.error { throw error }
        if status != 0 {
            throw XGBoostError(function: "XGQuantileDMatrixCreateFromCallback", raw: String(cString: XGBGetLastError()))
        }
        var rows: bst_ulong = 0
        XGDMatrixNumRow(out, &rows)
        return DMatrix(owning: out!, rows: Int(rows), columns: batches.columns)
    }
}

/// The state XGBoost's callbacks reach through their opaque handle: the batch being read (kept
/// alive until the next one, as XGBoost reads it in place) and the first error.
private final class BatchIterator {
    let batches: RowBatches
    let proxy: DMatrixHandle
    var next = 0
    var values: [Float] = []
    var error: XGBoostError?

    init(_ batches: RowBatches, proxy: DMatrixHandle) {
        self.batches = batches
        self.proxy = proxy
    }

    /// Sets the next batch on the proxy: 1 when there was one, 0 at the end (or after an error).
    func advance() -> Int32 {
        guard error == nil, next < batches.count else { return 0 }
        // XGBoost is done with the last batch: let it go before the next one is made.
        values = []
        let batch = batches.batch(next)
        next += 1
        values = batch.values
        let rows = batches.columns == 0 ? 0 : values.count / batches.columns
        do throws(XGBoostError) {
            let address = values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            let interface =
                #"{"data": [\#(address), true], "shape": [\#(rows), \#(batches.columns)], "typestr": "<f4", "version": 3}"#
            try XGBoostCall.check("XGProxyDMatrixSetDataDense") { XGProxyDMatrixSetDataDense(proxy, interface) }
            if let labels = batch.labels { try DMatrix.setFloats("label", labels, on: proxy) }
            if batches.kinds.contains(.categorical) { try DMatrix.setKinds(batches.kinds, on: proxy) }
        } catch {
            self.error = error
            return 0
        }
        return 1
    }
}
