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
        /// Categories in code order (native, ordinal and target-ordered codes) or in output-column
        /// order (one-hot).
        public var categories: [String]
        /// Target-ordered codes: the code of a missing value, a category of its own, halfway
        /// between the codes of the categories whose means surround its mean; nil where no
        /// training row missed a value (a missing value then stays missing).
        public var missingCode: Float? = nil
    }

    public var definition: PipelineDefinition
    public var numeric: [NumericStep]
    public var categorical: [CategoricalStep]

    /// The names of the output columns, in order.
    public var outputNames: [String] {
        var names = numeric.map(\.column)
        names += numeric.filter(\.indicator).map { "\($0.column)_missing" }
        switch definition.encoding {
        case .native, .ordinal, .targetOrdered: names += categorical.map(\.column)
        case .oneHot: names += categorical.flatMap { step in step.categories.map { "\(step.column)=\($0)" } }
        }
        return names
    }

    /// How XGBoost treats each output column.
    public var outputKinds: [DMatrix.FeatureKind] {
        var kinds = [DMatrix.FeatureKind](repeating: .numeric, count: numeric.count + numeric.filter(\.indicator).count)
        switch definition.encoding {
        case .native: kinds += categorical.map { _ in .categorical }
        case .ordinal, .targetOrdered: kinds += categorical.map { _ in .numeric }
        case .oneHot: kinds += categorical.flatMap { $0.categories.map { _ in DMatrix.FeatureKind.numeric } }
        }
        return kinds
    }

    /// One-hot encoding keeps at most this many of a column's most frequent categories: more
    /// columns cost every tree's histograms more than the rare categories give.
    static let oneHotLevels = 32
    /// Sparse one-hot keeps more: a row costs XGBoost only its ones, and a 0/1 column adds one
    /// bin to the histograms, not 256.
    static let sparseOneHotLevels = 256

    /// What the fitted rows say about a categorical column: its categories in the order first
    /// seen, how many rows each has, each one's shrunk mean label, and that of missing values.
    private struct CategoryStatistics {
        var column: String
        var order: [String]
        var counts: [String: Int]
        var means: [String: Double]
        var missingMean: Double?
    }

    /// Target-ordered codes shrink each category's mean toward the overall mean as if this many
    /// rows of the overall mean were added to it: a category of a few rows sorts near the middle
    /// instead of at an end, where a tree would isolate it on the strength of its own labels.
    public static let targetOrderPrior = 20.0

    /// Fits `definition` on the rows `rows` of `frame` for the features in `plan`; `labels`
    /// (one a frame row, NaN where missing) order the categories of target-ordered codes.
    public static func fit(
        _ definition: PipelineDefinition, plan: FeaturePlan, frame: Frame, rows: [Int], labels: [Float]? = nil
    ) -> FittedPipeline {
        fit([definition], plan: plan, frame: frame, rows: rows, labels: labels)[0]
    }

    /// Fits each of `definitions` on the rows `rows` of `frame`, reading each column's
    /// statistics (medians, scales, category counts and label sums) once for all of them.
    public static func fit(
        _ definitions: [PipelineDefinition], plan: FeaturePlan, frame: Frame, rows: [Int], labels: [Float]? = nil
    ) -> [FittedPipeline] {
        var numeric: [(step: NumericStep, missing: Int)] = []
        var categories: [CategoryStatistics] = []
        var overall = (sum: 0.0, count: 0.0)
        if let labels {
            for row in rows where !labels[row].isNaN {
                overall = (overall.sum + Double(labels[row]), overall.count + 1)
            }
        }
        let overallMean = overall.count > 0 ? overall.sum / overall.count : 0
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
                    (
                        NumericStep(
                            column: feature.name, median: median, mean: Float(mean), scale: scale, indicator: false),
                        missing
                    ))
            case .categorical:
                let (names, codes) = column.categoryCodes()
                var perCode = [Int](repeating: 0, count: names.count)
                var perCodeLabels = [(sum: Double, count: Double)](repeating: (0, 0), count: names.count)
                var seenOrder: [Int] = []
                var missing = (rows: 0, sum: 0.0, count: 0.0)
                for row in rows {
                    guard let code = codes[row] else {
                        missing.rows += 1
                        if let label = labels?[row], !label.isNaN {
                            missing.sum += Double(label)
                            missing.count += 1
                        }
                        continue
                    }
                    if perCode[code] == 0 { seenOrder.append(code) }
                    perCode[code] += 1
                    if let label = labels?[row], !label.isNaN {
                        perCodeLabels[code].sum += Double(label)
                        perCodeLabels[code].count += 1
                    }
                }
                func shrunkMean(_ sum: Double, _ count: Double) -> Double {
                    (sum + Self.targetOrderPrior * overallMean) / (count + Self.targetOrderPrior)
                }
                var counts: [String: Int] = [:]
                var means: [String: Double] = [:]
                for code in seenOrder {
                    counts[names[code]] = perCode[code]
                    means[names[code]] = shrunkMean(perCodeLabels[code].sum, perCodeLabels[code].count)
                }
                categories.append(
                    CategoryStatistics(
                        column: feature.name, order: seenOrder.map { names[$0] }, counts: counts, means: means,
                        missingMean: missing.rows > 0 ? shrunkMean(missing.sum, missing.count) : nil))
            }
        }
        return definitions.map { definition in
            let steps = numeric.map { step, missing in
                var step = step
                step.indicator = definition.missingIndicators && missing > 0
                return step
            }
            let categorical = categories.map { seen in
                let (counts, means) = (seen.counts, seen.means)
                switch definition.encoding {
                case .native, .ordinal:
                    return CategoricalStep(column: seen.column, categories: seen.order.sorted())
                case .targetOrdered:
                    let sorted = seen.order.sorted { means[$0]! != means[$1]! ? means[$0]! < means[$1]! : $0 < $1 }
                    let missingCode = seen.missingMean.map { mean in Float(sorted.count { means[$0]! <= mean }) - 0.5 }
                    return CategoricalStep(column: seen.column, categories: sorted, missingCode: missingCode)
                case .oneHot(let threshold):
                    let kept = seen.order.filter { counts[$0]! >= threshold }
                        .sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
                        .prefix(definition.sparseOneHot ? Self.sparseOneHotLevels : Self.oneHotLevels)
                    return CategoricalStep(column: seen.column, categories: Array(kept))
                }
            }
            return FittedPipeline(definition: definition, numeric: steps, categorical: categorical)
        }
    }

    /// The design matrix of `rows` (all rows when `nil`) of `frame`, row-major.
    ///
    /// - Throws: ``AutopilotError`` when a column the pipeline needs is not in the frame.
    public func transform(_ frame: Frame, rows: [Int]? = nil) throws(AutopilotError) -> DesignMatrix {
        let encoder = try PipelineEncoder(self, frame: frame)
        if let rows { return encoder.matrix(rows: rows) }
        return encoder.matrix(rows: 0..<frame.rowCount)
    }
}

enum Statistics {
    static func median(_ values: inout [Double]) -> Double {
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}
