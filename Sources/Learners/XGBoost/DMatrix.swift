import CXGBoost

#if canImport(Glibc)
import Glibc
#endif

/// XGBoost's data matrix (`DMatrixHandle`), owned: freed when this object goes.
///
/// Values are row-major floats; NaN is missing. Columns marked ``FeatureKind/categorical``
/// hold category codes (0, 1, 2...) and use XGBoost's native categorical splits.
public final class DMatrix {
    /// How XGBoost treats a column.
    public enum FeatureKind: String, Sendable {
        case numeric = "q"
        case categorical = "c"
    }

    let handle: DMatrixHandle
    public let rows: Int
    public let columns: Int

    /// A matrix of `rows` × `columns` values (row-major), with labels and weights when training.
    public init(
        values: [Float], rows: Int, columns: Int, labels: [Float]? = nil, weights: [Float]? = nil,
        kinds: [FeatureKind]? = nil, threads: Int = 2
    ) throws(XGBoostError) {
        precondition(values.count == rows * columns, "values do not fill the matrix")
        var out: DMatrixHandle?
        try values.withUnsafeBufferPointer { buffer throws(XGBoostError) in
            try XGBoostCall.check("XGDMatrixCreateFromMat_omp") {
                XGDMatrixCreateFromMat_omp(
                    buffer.baseAddress, bst_ulong(rows), bst_ulong(columns), .nan, &out, Int32(threads))
            }
        }
        handle = out!
        self.rows = rows
        self.columns = columns
        if let labels { try setFloats("label", labels) }
        if let weights { try setFloats("weight", weights) }
        if let kinds, kinds.contains(.categorical) {
            precondition(kinds.count == columns)
            try Self.setKinds(kinds, on: handle)
        }
    }

    /// Takes ownership of a matrix XGBoost made.
    init(owning handle: DMatrixHandle, rows: Int, columns: Int) {
        self.handle = handle
        self.rows = rows
        self.columns = columns
    }

    deinit {
        XGDMatrixFree(handle)
    }

    /// Marks which columns hold category codes (XGBoost's `feature_type`: `q` or `c`).
    static func setKinds(_ kinds: [FeatureKind], on handle: DMatrixHandle) throws(XGBoostError) {
        let types = kinds.map(\.rawValue)
        try withCStrings(types) { pointers throws(XGBoostError) in
            try XGBoostCall.check("XGDMatrixSetStrFeatureInfo") {
                XGDMatrixSetStrFeatureInfo(handle, "feature_type", pointers, bst_ulong(types.count))
            }
        }
    }

    private func setFloats(_ field: String, _ values: [Float]) throws(XGBoostError) {
        precondition(values.count == rows, "\(field) needs one value per row")
        try Self.setFloats(field, values, on: handle)
    }

    static func setFloats(_ field: String, _ values: [Float], on handle: DMatrixHandle) throws(XGBoostError) {
        try values.withUnsafeBufferPointer { buffer throws(XGBoostError) in
            try XGBoostCall.check("XGDMatrixSetFloatInfo(\(field))") {
                XGDMatrixSetFloatInfo(handle, field, buffer.baseAddress, bst_ulong(values.count))
            }
        }
    }
}

/// Calls `body` with a C array of C strings that live for the call.
func withCStrings<R, E: Error>(
    _ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) throws(E) -> R
) throws(E) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer throws(E) in try body(buffer.baseAddress!) }
}
