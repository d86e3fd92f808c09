import Foundation

/// Asynchronous successive halving (Li et al., 2020) over sample sizes: a candidate moves up
/// to the next sample size when it is among the best quarter of those scored at its size.
/// As the search time passes, the best one at each size moves up even when fewer than four
/// have been scored there, so that the largest sample is reached halfway through. A move is
/// made only when its expected time (the candidate's, scaled by the rows) fits what is left
/// (onto every row: twice what is left).
struct SuccessiveHalving {
    /// Training rows at each rung, smallest first.
    let sizes: [Int]
    private var moved: Set<String> = []

    init(sizes: [Int]) {
        self.sizes = sizes
    }

    /// The next candidate to train again on more rows, and the rung it goes to.
    mutating func promotion(
        candidates: [Candidate], rungs: [String: Int], metric: Metric, elapsed: Double, searchTime: Double
    ) -> (candidate: Candidate, rung: Int)? {
        guard sizes.count > 1, searchTime > 0 else { return nil }
        let timeLeft = searchTime - elapsed
        for rung in stride(from: sizes.count - 2, through: 0, by: -1) {
            let scored = AutopilotJob.ranked(candidates.filter { rungs[$0.name] == rung }, metric: metric)
            var quota = scored.count / SampleLadder.factor
            // Past a share of the search time the rung's best moves up anyway: a tenth for the
            // smallest sample, half for the one below every row.
            let due = 0.1 + 0.4 * Double(rung) / Double(max(1, sizes.count - 2))
            if elapsed >= due * searchTime { quota = max(quota, 1) }
            for candidate in scored.prefix(quota) where !moved.contains(candidate.name) {
                guard candidate.metric(metric).map({ !$0.isNaN }) ?? false else { continue }
                let expected = candidate.trainingSeconds * Double(sizes[rung + 1]) / Double(sizes[rung]) * 1.2
                // Onto every row a move may take up to twice the time left: cut short by the
                // budget, a model of every row still often beats one of a sample.
                guard expected < timeLeft * (rung + 1 == sizes.count - 1 ? 2 : 1) else { continue }
                moved.insert(candidate.name)
                return (candidate, rung + 1)
            }
        }
        return nil
    }
}
