/// Metrics of a binary classifier from true labels (0 or 1) and scores (P(class 1)).
public enum BinaryMetrics {
    /// Area under the ROC curve, by ranks (ties get their average rank): the probability that
    /// a random positive scores above a random negative.
    public static func auc(labels: [Float], scores: [Float]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var positives = 0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] == 1 {
                rankSumPositive += averageRank
                positives += 1
            }
            i = j + 1
        }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSumPositive - Double(positives) * Double(positives + 1) / 2)
            / (Double(positives) * Double(negatives))
    }

    /// The confusion counts at a threshold: predicted 1 when score ≥ threshold.
    public struct Confusion: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0

        public init(labels: [Float], scores: [Float], threshold: Float) {
            for (label, score) in zip(labels, scores) {
                switch (label == 1, score >= threshold) {
                case (true, true): truePositives += 1
                case (false, true): falsePositives += 1
                case (false, false): trueNegatives += 1
                case (true, false): falseNegatives += 1
                }
            }
        }

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
        public var accuracy: Double {
            ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives)
        }
        public var balancedAccuracy: Double {
            (recall + ratio(trueNegatives, trueNegatives + falsePositives)) / 2
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    }

    /// Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15].
    public static func logLoss(labels: [Float], scores: [Float]) -> Double {
        var total = 0.0
        for (label, score) in zip(labels, scores) {
            let p = min(max(Double(score), 1e-15), 1 - 1e-15)
            total -= label == 1 ? log(p) : log(1 - p)
        }
        return labels.isEmpty ? .nan : total / Double(labels.count)
    }

    /// The threshold that maximises F1 on these scores, and that F1: every distinct score is
    /// tried, in one pass over the sorted scores.
    public static func bestF1Threshold(labels: [Float], scores: [Float]) -> (threshold: Float, f1: Double) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let positives = labels.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        guard positives > 0 else { return (0.5, 0) }
        var truePositives = 0, predicted = 0
        var best: (threshold: Float, f1: Double) = (0.5, 0)
        var i = 0
        while i < order.count {
            let threshold = scores[order[i]]
            while i < order.count, scores[order[i]] == threshold {
                if labels[order[i]] == 1 { truePositives += 1 }
                predicted += 1
                i += 1
            }
            let f1 = Double(2 * truePositives) / Double(predicted + positives)
            if f1 > best.f1 { best = (threshold, f1) }
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#endif
