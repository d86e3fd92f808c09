import CXGBoost

extension Booster {
    /// Predictions for `rows` × `columns` values (row-major, NaN missing) straight from memory,
    /// without building a `DMatrix` (`XGBoosterPredictFromDense`, XGBoost's inplace prediction).
    /// It runs on the booster's `nthread` threads; for a handful of rows, set it to 1.
    ///
    /// Category codes go in as values, as in ``DMatrix``: the trees know which splits are categorical.
    /// The result is copied out of XGBoost's thread-local buffer.
    public func predict(
        dense values: [Float], rows: Int, columns: Int, rounds: Int? = nil
    ) throws(XGBoostError)
        -> (values: [Float], perRow: Int)
    {
        precondition(values.count == rows * columns, "values do not fill the matrix")
        guard rows > 0 else { return ([], 0) }
        let config =
            #"{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": \#(rounds ?? 0), "#
            + #""strict_shape": false, "missing": NaN, "cache_id": 0}"#
        if inplaceProxy == nil {
            try XGBoostCall.check("XGProxyDMatrixCreate") { XGProxyDMatrixCreate(&inplaceProxy) }
        }
        var shape: UnsafePointer<bst_ulong>?
        var dimensions: bst_ulong = 0
        var result: UnsafePointer<Float>?
        try values.withUnsafeBufferPointer { buffer throws(XGBoostError) in
            let address = UInt(bitPattern: buffer.baseAddress)
            let array =
                #"{"data": [\#(address), true], "shape": [\#(rows), \#(columns)], "strides": null, "typestr": "#
                + #""<f4", "version": 3}"#
            try XGBoostCall.check("XGBoosterPredictFromDense") {
                XGBoosterPredictFromDense(handle, array, config, inplaceProxy, &shape, &dimensions, &result)
            }
        }
        var total = 1
        for i in 0..<Int(dimensions) { total *= Int(shape![i]) }
        return (Array(UnsafeBufferPointer(start: result, count: total)), total / rows)
    }
}
