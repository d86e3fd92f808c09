import Frames
import Learners

/// How well each feature alone predicts a binary target: the AUC of its values (numbers) or of
/// its classes' positive rates (categories), folded so that 0.5 is no signal and 1 is perfect.
public enum FeaturePower {
    /// Rows enough for a feature's AUC to two decimals.
    public static let sampledRows = 100_000

    public struct Entry: Sendable, Equatable {
        public var feature: String
        public var auc: Double
    }

    /// - Parameter rows: the rows to measure on; of more than ``sampledRows``, that many evenly spread.
    public static func univariate(_ frame: Frame, plan: FeaturePlan, target: TargetAnalysis, rows: [Int]) -> [Entry] {
        guard target.problem == .binary else { return [] }
        let rows = rows.evenlySpread(upTo: sampledRows)
        let labels = rows.map { target.labels[$0] }
        var entries: [Entry] = []
        for feature in plan.features {
            let column = frame.column(named: feature.name)!
            var scores: [Float]
            switch feature.role {
            case .numeric:
                let values = column.data.doubles!
                scores = rows.map { values[$0].isNaN ? -Float.greatestFiniteMagnitude : Float(values[$0]) }
            case .categorical:
                // Each category's rows (missing ones together) scored by its positive rate.
                let (names, codes) = column.categoryCodes()
                var positives = [Double](repeating: 0, count: names.count + 1)
                var totals = positives
                for (i, row) in rows.enumerated() {
                    let code = codes[row] ?? names.count
                    totals[code] += 1
                    positives[code] += Double(labels[i])
                }
                scores = rows.map { row in
                    let code = codes[row] ?? names.count
                    return Float(positives[code] / totals[code])
                }
            }
            let auc = BinaryMetrics.auc(labels: labels, scores: scores)
            entries.append(Entry(feature: feature.name, auc: max(auc, 1 - auc)))
        }
        return entries.sorted { $0.auc != $1.auc ? $0.auc > $1.auc : $0.feature < $1.feature }
    }

    /// Features that alone predict the target suspiciously well: AUC ≥ 0.8 and clearly ahead of
    /// every other feature (by 0.05). Such a column is often only known after the outcome
    /// (bank marketing's `duration`: a call's length is known once the call is over).
    public static func probableLeaks(_ entries: [Entry]) -> [Entry] {
        guard let first = entries.first, first.auc >= 0.8 else { return [] }
        let second = entries.dropFirst().first?.auc ?? 0.5
        return first.auc - second >= 0.05 ? [first] : []
    }
}
