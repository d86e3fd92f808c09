import Learners

/// Every metric of a problem type, from true labels and a model's scores.
public enum Evaluation {
    /// Metrics by name. For binary problems, threshold metrics use `threshold`; when it is nil
    /// the threshold that maximises F1 is found and returned.
    public static func metrics(
        problem: ProblemType, labels: [Float], scores: [Float], classes: Int,
        threshold: Double? = nil
    ) -> (metrics: [String: Double], threshold: Double?) {
        switch problem {
        case .binary:
            let cut = threshold ?? Double(BinaryMetrics.bestF1Threshold(labels: labels, scores: scores).threshold)
            let confusion = BinaryMetrics.Confusion(labels: labels, scores: scores, threshold: Float(cut))
            return (
                [
                    Metric.f1.rawValue: confusion.f1,
                    Metric.auc.rawValue: BinaryMetrics.auc(labels: labels, scores: scores),
                    Metric.accuracy.rawValue: confusion.accuracy,
                    Metric.balancedAccuracy.rawValue: confusion.balancedAccuracy,
                    Metric.precision.rawValue: confusion.precision, Metric.recall.rawValue: confusion.recall,
                    Metric.logLoss.rawValue: BinaryMetrics.logLoss(labels: labels, scores: scores),
                ], cut
            )
        case .multiclass:
            let predicted = argmax(scores, classes: classes)
            let truth = labels.map { Int($0) }
            var logLoss = 0.0
            for (row, label) in truth.enumerated() {
                logLoss -= log(min(max(Double(scores[row * classes + label]), 1e-15), 1))
            }
            var recalls: [Double] = []
            for c in 0..<classes {
                let members = truth.indices.filter { truth[$0] == c }
                if !members.isEmpty {
                    recalls.append(Double(members.filter { predicted[$0] == c }.count) / Double(members.count))
                }
            }
            return (
                [
                    Metric.accuracy.rawValue: MulticlassMetrics.accuracy(truth, predicted),
                    Metric.f1Macro.rawValue: MulticlassMetrics.f1Macro(truth, predicted, classes: classes),
                    Metric.balancedAccuracy.rawValue: recalls.isEmpty
                        ? .nan : recalls.reduce(0, +) / Double(recalls.count),
                    Metric.logLoss.rawValue: truth.isEmpty ? .nan : logLoss / Double(truth.count),
                ], nil
            )
        case .regression:
            return (
                [
                    Metric.mse.rawValue: RegressionMetrics.mse(labels, scores),
                    Metric.rmse.rawValue: RegressionMetrics.rmse(labels, scores),
                    Metric.mae.rawValue: RegressionMetrics.mae(labels, scores),
                    Metric.r2.rawValue: RegressionMetrics.r2(labels, scores),
                ], nil
            )
        }
    }

    /// The most probable class of each row.
    public static func argmax(_ scores: [Float], classes: Int) -> [Int] {
        stride(from: 0, to: scores.count, by: classes).map { start in
            var best = 0
            for c in 1..<classes where scores[start + c] > scores[start + best] { best = c }
            return best
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
