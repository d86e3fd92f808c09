/// ROC and precision-recall curves of a binary classifier, one point per distinct score.
public enum Curves {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
    }

    /// ROC: false positive rate (x) against true positive rate (y), from (0, 0) to (1, 1).
    public static func roc(labels: [Float], scores: [Float]) -> [Point] {
        let (tp, fp, positives, negatives) = cumulative(labels: labels, scores: scores)
        guard positives > 0, negatives > 0 else { return [] }
        return [Point(x: 0, y: 0)]
            + zip(tp, fp).map { Point(x: Double($1) / Double(negatives), y: Double($0) / Double(positives)) }
    }

    /// Precision-recall: recall (x) against precision (y).
    public static func precisionRecall(labels: [Float], scores: [Float]) -> [Point] {
        let (tp, fp, positives, _) = cumulative(labels: labels, scores: scores)
        guard positives > 0 else { return [] }
        return zip(tp, fp).map { Point(x: Double($0) / Double(positives), y: Double($0) / Double(max(1, $0 + $1))) }
    }

    /// True and false positives above each distinct threshold, highest first.
    private static func cumulative(labels: [Float], scores: [Float]) -> ([Int], [Int], Int, Int) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var tp: [Int] = [], fp: [Int] = []
        var t = 0, f = 0
        var i = 0
        while i < order.count {
            let threshold = scores[order[i]]
            while i < order.count, scores[order[i]] == threshold {
                if labels[order[i]] == 1 { t += 1 } else { f += 1 }
                i += 1
            }
            tp.append(t)
            fp.append(f)
        }
        let positives = labels.filter { $0 == 1 }.count
        return (tp, fp, positives, labels.count - positives)
    }

    /// At most `count` points, evenly spaced along the curve, ends kept.
    public static func thinned(_ points: [Point], to count: Int = 200) -> [Point] {
        guard points.count > count else { return points }
        return (0..<count).map { points[$0 * (points.count - 1) / (count - 1)] }
    }
}
