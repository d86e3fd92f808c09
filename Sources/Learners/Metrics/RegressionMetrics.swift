/// Metrics of a regressor from true and predicted values.
public enum RegressionMetrics {
    public static func mse(_ truth: [Float], _ predicted: [Float]) -> Double {
        guard !truth.isEmpty else { return .nan }
        return zip(truth, predicted).reduce(0.0) { $0 + pow(Double($1.0 - $1.1), 2) } / Double(truth.count)
    }

    public static func rmse(_ truth: [Float], _ predicted: [Float]) -> Double { mse(truth, predicted).squareRoot() }

    public static func mae(_ truth: [Float], _ predicted: [Float]) -> Double {
        guard !truth.isEmpty else { return .nan }
        return zip(truth, predicted).reduce(0.0) { $0 + abs(Double($1.0 - $1.1)) } / Double(truth.count)
    }

    /// The coefficient of determination: 1 − residual variance ÷ total variance.
    public static func r2(_ truth: [Float], _ predicted: [Float]) -> Double {
        guard !truth.isEmpty else { return .nan }
        let mean = truth.reduce(0.0) { $0 + Double($1) } / Double(truth.count)
        let total = truth.reduce(0.0) { $0 + pow(Double($1) - mean, 2) }
        let residual = zip(truth, predicted).reduce(0.0) { $0 + pow(Double($1.0 - $1.1), 2) }
        return total == 0 ? .nan : 1 - residual / total
    }
}

/// Metrics of a multiclass classifier from true class indices and predicted ones.
public enum MulticlassMetrics {
    public static func accuracy(_ truth: [Int], _ predicted: [Int]) -> Double {
        guard !truth.isEmpty else { return .nan }
        return Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(truth.count)
    }

    /// The unweighted mean of each class's F1.
    public static func f1Macro(_ truth: [Int], _ predicted: [Int], classes: Int) -> Double {
        var scores: [Double] = []
        for c in 0..<classes {
            var tp = 0, fp = 0, fn = 0
            for (t, p) in zip(truth, predicted) {
                if p == c, t == c { tp += 1 } else if p == c { fp += 1 } else if t == c { fn += 1 }
            }
            let denominator = 2 * tp + fp + fn
            scores.append(denominator == 0 ? 0 : Double(2 * tp) / Double(denominator))
        }
        return scores.isEmpty ? .nan : scores.reduce(0, +) / Double(scores.count)
    }
}

#if canImport(Glibc)
import Glibc
#endif
