import Frames
import Learners

/// A pipeline fitted on training rows: medians, scales and category lists it learned there,
/// applied the same way to any frame with the same columns (new data, an endpoint's rows).
public struct FittedPipeline: Sendable, Codable, Equatable {
    public struct NumericStep: Sendable, Codable, Equatable {
        public var column: String
        public var median: Float
        public var mean: Float
        public var scale: Float
        public var indicator: Bool
    }

    public struct CategoricalStep: Sendable, Codable, Equatable {
        public var column: String
        /// Categories in code order (native) or in output-column order (one-hot).
        public var categories: [String]
    }

    public var definition: PipelineDefinition
    public var numeric: [NumericStep]
    public var categorical: [CategoricalStep]

    /// The names of the output columns, in order.
    public var outputNames: [String] {
        var names = numeric.map(\.column)
        names += numeric.filter(\.indicator).map { "\($0.column)_missing" }
        switch definition.encoding {
        case .native, .ordinal: names += categorical.map(\.column)
        case .oneHot: names += categorical.flatMap { step in step.categories.map { "\(step.column)=\($0)" } }
        }
        return names
    }

    /// How XGBoost treats each output column.
    public var outputKinds: [DMatrix.FeatureKind] {
        var kinds = [DMatrix.FeatureKind](repeating: .numeric, count: numeric.count + numeric.filter(\.indicator).count)
        switch definition.encoding {
        case .native: kinds += categorical.map { _ in .categorical }
        case .ordinal: kinds += categorical.map { _ in .numeric }
        case .oneHot: kinds += categorical.flatMap { $0.categories.map { _ in DMatrix.FeatureKind.numeric } }
        }
        return kinds
    }

    /// Fits `definition` on the rows `rows` of `frame` for the features in `plan`.
    public static func fit(
        _ definition: PipelineDefinition, plan: FeaturePlan, frame: Frame, rows: [Int]
    ) -> FittedPipeline {
        var numeric: [NumericStep] = []
        var categorical: [CategoricalStep] = []
        for feature in plan.features {
            let column = frame.column(named: feature.name)!
            switch feature.role {
            case .numeric:
                let all = column.data.doubles!
                var values = rows.compactMap { all[$0].isNaN ? nil : all[$0] }
                let missing = rows.count - values.count
                let median = values.isEmpty ? 0 : Float(Statistics.median(&values))
                let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
                let variance =
                    values.isEmpty ? 0 : values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
                let scale = variance > 0 ? Float(variance.squareRoot()) : 1
                numeric.append(
                    NumericStep(
                        column: feature.name, median: median, mean: Float(mean), scale: scale,
                        indicator: definition.missingIndicators && missing > 0))
            case .categorical:
                let (names, codes) = column.categoryCodes()
                var perCode = [Int](repeating: 0, count: names.count)
                var seenOrder: [Int] = []
                for row in rows {
                    guard let code = codes[row] else { continue }
                    if perCode[code] == 0 { seenOrder.append(code) }
                    perCode[code] += 1
                }
                let order: [String] = seenOrder.map { names[$0] }
                var counts: [String: Int] = [:]
                for code in seenOrder { counts[names[code]] = perCode[code] }
                switch definition.encoding {
                case .native, .ordinal:
                    categorical.append(CategoricalStep(column: feature.name, categories: order.sorted()))
                case .oneHot(let threshold):
                    let kept = order.filter { counts[$0]! >= threshold }
                        .sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
                        .prefix(100)
                    categorical.append(CategoricalStep(column: feature.name, categories: Array(kept)))
                }
            }
        }
        return FittedPipeline(definition: definition, numeric: numeric, categorical: categorical)
    }

    /// The design matrix of `rows` (all rows when `nil`) of `frame`, row-major.
    ///
    /// - Throws: ``AutopilotError`` when a column the pipeline needs is not in the frame.
    public func transform(_ frame: Frame, rows: [Int]? = nil) throws(AutopilotError) -> DesignMatrix {
        let picked = rows ?? Array(0..<frame.rowCount)
        let width = outputNames.count
        var values = [Float](repeating: 0, count: picked.count * width)
        var offset = 0
        let indicators = numeric.filter(\.indicator).count
        var indicatorOffset = numeric.count
        for step in numeric {
            guard let column = frame.column(named: step.column), let data = column.data.doubles else {
                throw .learner("the frame has no numeric column '\(step.column)', which the model was trained on")
            }
            for (r, row) in picked.enumerated() {
                var v = Float(data[row])
                let isMissing = v.isNaN
                if isMissing, definition.imputeMedian { v = step.median }
                if definition.standardize, !v.isNaN { v = (v - step.mean) / step.scale }
                values[r * width + offset] = v
                if step.indicator { values[r * width + indicatorOffset] = isMissing ? 1 : 0 }
            }
            offset += 1
            if step.indicator { indicatorOffset += 1 }
        }
        offset = numeric.count + indicators
        for step in categorical {
            guard let column = frame.column(named: step.column) else {
                throw .learner("the frame has no column '\(step.column)', which the model was trained on")
            }
            // Map the frame's own categories to the fitted ones once, then each row by its code.
            let lookup = Dictionary(uniqueKeysWithValues: step.categories.enumerated().map { ($1, $0) })
            let (names, codes) = column.categoryCodes()
            let fitted = names.map { lookup[$0] }
            switch definition.encoding {
            case .native, .ordinal:
                for (r, row) in picked.enumerated() {
                    let code = codes[row].flatMap { fitted[$0] }
                    values[r * width + offset] = code.map(Float.init) ?? .nan
                }
                offset += 1
            case .oneHot:
                for (r, row) in picked.enumerated() {
                    if let code = codes[row].flatMap({ fitted[$0] }) { values[r * width + offset + code] = 1 }
                }
                offset += step.categories.count
            }
        }
        return DesignMatrix(values: values, rows: picked.count, columns: width, kinds: outputKinds, names: outputNames)
    }
}

enum Statistics {
    static func median(_ values: inout [Double]) -> Double {
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}
