import Frames
import Learners

/// A fitted pipeline bound to one frame: it reads the frame's columns where they are (nothing
/// is copied) and writes the encoded values of any rows, one column at a time, so a sample or
/// a batch of a large frame costs only its own rows.
struct PipelineEncoder {
    private enum Source {
        case doubles([Double])
        case ints([Int64], missing: Bitmap?)
        case bools([Bool], missing: Bitmap?)
        /// Category codes of a string column, mapped to the fitted categories (-1: not fitted).
        case codes(CategoryCodes, fitted: [Int32])
        /// Any other column read as categories: each row's fitted category (-1: not fitted,
        /// -2: missing).
        case rows([Int32])
    }

    let pipeline: FittedPipeline
    let width: Int
    private let numeric: [Source]
    private let categorical: [Source]

    /// - Throws: ``AutopilotError`` when a column the pipeline needs is not in the frame.
    init(_ pipeline: FittedPipeline, frame: Frame) throws(AutopilotError) {
        self.pipeline = pipeline
        width = pipeline.outputNames.count
        var numeric: [Source] = []
        for step in pipeline.numeric {
            switch frame.column(named: step.column)?.data {
            case .double(let values): numeric.append(.doubles(values))
            case .int(let values, let missing): numeric.append(.ints(values, missing: missing))
            case .bool(let values, let missing): numeric.append(.bools(values, missing: missing))
            case .string, nil:
                throw .learner("the frame has no numeric column '\(step.column)', which the model was trained on")
            }
        }
        var categorical: [Source] = []
        for step in pipeline.categorical {
            guard let column = frame.column(named: step.column) else {
                throw .learner("the frame has no column '\(step.column)', which the model was trained on")
            }
            // The frame's own categories are mapped to the fitted ones once; rows then by code.
            let lookup = Dictionary(uniqueKeysWithValues: step.categories.enumerated().map { ($1, Int32($0)) })
            if case .string(let codes, let dictionary) = column.data {
                categorical.append(.codes(codes, fitted: dictionary.map { lookup[$0] ?? -1 }))
            } else {
                let (names, codes) = column.categoryCodes()
                let fitted = names.map { lookup[$0] ?? -1 }
                categorical.append(.rows(codes.map { $0.map { fitted[$0] } ?? Self.missing }))
            }
        }
        self.numeric = numeric
        self.categorical = categorical
    }

    /// The encoded rows `rows`, row-major.
    func matrix(rows: some Collection<Int>) -> DesignMatrix {
        var values = [Float](repeating: 0, count: rows.count * width)
        values.withUnsafeMutableBufferPointer { encode(rows: rows, into: $0) }
        return DesignMatrix(
            values: values, rows: rows.count, columns: width, kinds: pipeline.outputKinds,
            names: pipeline.outputNames)
    }

    /// Writes the encoded `rows` into `values` (`rows.count × width`, zeroed), row-major.
    func encode(rows: some Collection<Int>, into values: UnsafeMutableBufferPointer<Float>) {
        let definition = pipeline.definition
        var indicator = pipeline.numeric.count
        for (offset, (step, source)) in zip(pipeline.numeric, numeric).enumerated() {
            for (r, row) in rows.enumerated() {
                var v = Self.number(source, row)
                let isMissing = v.isNaN
                if isMissing, definition.imputeMedian { v = step.median }
                if definition.standardize, !v.isNaN { v = (v - step.mean) / step.scale }
                values[r * width + offset] = v
                if step.indicator { values[r * width + indicator] = isMissing ? 1 : 0 }
            }
            if step.indicator { indicator += 1 }
        }
        var offset = indicator
        for (step, source) in zip(pipeline.categorical, categorical) {
            switch definition.encoding {
            case .native, .ordinal, .targetOrdered:
                let missing = step.missingCode ?? .nan
                for (r, row) in rows.enumerated() {
                    let code = Self.category(source, row)
                    values[r * width + offset] = code >= 0 ? Float(code) : code == Self.missing ? missing : .nan
                }
                offset += 1
            case .oneHot:
                let levels = step.categories.count
                for (r, row) in rows.enumerated() {
                    if definition.sparseOneHot {
                        for j in 0..<levels { values[r * width + offset + j] = .nan }
                    }
                    let code = Self.category(source, row)
                    if code >= 0 { values[r * width + offset + Int(code)] = 1 }
                }
                offset += levels
            }
        }
    }

    @inline(__always)
    private static func number(_ source: Source, _ row: Int) -> Float {
        switch source {
        case .doubles(let values): return Float(values[row])
        case .ints(let values, let missing): return missing?[row] == true ? .nan : Float(values[row])
        case .bools(let values, let missing): return missing?[row] == true ? .nan : (values[row] ? 1 : 0)
        case .codes, .rows: return .nan
        }
    }

    /// The category of a missing value.
    private static let missing: Int32 = -2

    /// A row's fitted category: its code, -1 when it was not fitted, ``missing`` when missing.
    @inline(__always)
    private static func category(_ source: Source, _ row: Int) -> Int32 {
        switch source {
        case .codes(let codes, let fitted):
            let code = codes[row]
            return code == CategoricalCodes.missing ? Self.missing : fitted[Int(code)]
        case .rows(let fitted): return fitted[row]
        case .doubles, .ints, .bools: return -1
        }
    }
}
