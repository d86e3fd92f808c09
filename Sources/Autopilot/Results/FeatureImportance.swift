import Frames
import Learners

/// Which features a model leans on: the mean absolute SHAP contribution of each original
/// column (XGBoost's exact tree SHAP; weight × value for linear models; the changes along each
/// row's path for extra trees, Saabas's attribution, in probabilities), one-hot and
/// missing-flag columns folded back into the column they came from, members of an ensemble
/// weighted as in the ensemble.
public enum FeatureImportance {
    public struct Entry: Sendable, Equatable {
        public var feature: String
        public var meanAbsoluteContribution: Double
    }

    /// Importance measured on the rows of `frame` (at most `limit` of them, evenly spaced).
    public static func of(_ model: TrainedModel, on frame: Frame, limit: Int = 2000) throws(AutopilotError) -> [Entry] {
        let step = max(1, frame.rowCount / limit)
        let sample = frame.rows(Array(stride(from: 0, to: frame.rowCount, by: step)))
        var totals: [String: Double] = [:]
        let parts = model.flattened
        let weightSum = parts.reduce(0) { $0 + $1.1 }
        for (part, weight) in parts {
            guard case .complete(let inner, let pipeline, _, _) = part else { continue }
            let data = try pipeline.transform(sample)
            let owners = pipeline.outputNames.map { name -> String in
                if let equals = name.firstIndex(of: "=") { return String(name[..<equals]) }
                if name.hasSuffix("_missing") { return String(name.dropLast("_missing".count)) }
                return name
            }
            var contributions: [Float]
            var perRow: Int
            switch inner {
            case .xgboost(let box, let rounds):
                do {
                    let matrix = try DMatrix(
                        values: data.values, rows: data.rows, columns: data.columns, kinds: data.kinds)
                    (contributions, perRow) = try box.booster.predict(matrix, .contributions, rounds: rounds)
                } catch {
                    throw .learner("XGBoost: \(error.message)")
                }
            case .linear(let linear):
                perRow = data.columns + 1
                contributions = []
                contributions.reserveCapacity(data.rows * perRow)
                for row in 0..<data.rows {
                    for j in 0..<data.columns {
                        contributions.append(Float(linear.weights[0][j]) * data.values[row * data.columns + j])
                    }
                    contributions.append(Float(linear.weights[0][data.columns]))
                }
            case .extraTrees(let forest):
                perRow = forest.outputs * (data.columns + 1)
                contributions = forest.contributions(data)
            default:
                continue
            }
            // Multiclass XGBoost gives one block per class: sum their magnitudes.
            let blocks = max(1, perRow / (data.columns + 1))
            let width = data.columns + 1
            var sums = [Double](repeating: 0, count: data.columns)
            for row in 0..<data.rows {
                for block in 0..<blocks {
                    let base = row * perRow + block * width
                    for j in 0..<data.columns { sums[j] += Double(abs(contributions[base + j])) }
                }
            }
            for j in 0..<data.columns {
                totals[owners[j], default: 0] += sums[j] / Double(max(1, data.rows)) * weight / weightSum
            }
        }
        return totals.map { Entry(feature: $0.key, meanAbsoluteContribution: $0.value) }
            .sorted {
                $0.meanAbsoluteContribution != $1.meanAbsoluteContribution
                    ? $0.meanAbsoluteContribution > $1.meanAbsoluteContribution : $0.feature < $1.feature
            }
    }
}
