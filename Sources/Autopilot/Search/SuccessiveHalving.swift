import Foundation

/// Asynchronous successive halving (Li et al., 2020) over sample sizes: a candidate moves up
/// to the next sample size when it is among the best quarter of those scored at its size. When
/// time ends the search, only while the next size has taken at most a third of the time of its own:
/// a candidate costs far more there (four times the rows, and boosting runs as long as early
/// stopping lets it instead of a screen's rounds), and the screens get the most time. As the
/// search time passes, the best one at each size whose move fits the time moves up
/// even when fewer than four have been scored there, so that the largest sample is reached
/// a third of the way through. A move is
/// made only when its expected time (the candidate's, scaled by the rows) fits what is left
/// (onto every row: twice what is left).
struct SuccessiveHalving {
    /// Training rows at each rung, smallest first.
    let sizes: [Int]
    /// The linear learner, the MLP and extra trees learn from dense float matrices: they move
    /// up to at most this many rows (a matrix of a million rows and 150 columns takes 600 MB).
    static let denseRows = 200_000
    /// The boosting rounds of a screen on the first sample.
    static let firstRounds = 100
    private var moved: Set<String> = []
    /// How many candidates each rung has sent up.
    private var movedFrom: [Int: Int] = [:]

    init(sizes: [Int]) {
        self.sizes = sizes
    }

    /// How long a trial on `rung` may take, beyond the search's own limits: a move onto every
    /// row, half the time left before `deadline`, so that the screens keep theirs whatever its
    /// settings cost (cut short, it keeps the rounds boosted so far: on a million rows, 1,250 of
    /// the 1,900 rounds its settings would take). Nil below every row, and without a ladder.
    func limit(rung: Int, now: Date, deadline: Date) -> (date: Date, reason: String)? {
        guard sizes.count > 1, rung == sizes.count - 1 else { return nil }
        return (now.addingTimeInterval(max(0, deadline.timeIntervalSince(now)) / 2), "half the time left")
    }

    /// The next candidate to train again on more rows, and the rung it goes to; `weighTime`
    /// when time, not the number of candidates, ends the search.
    mutating func promotion(
        candidates: [Candidate], rungs: [String: Int], metric: Metric, elapsed: Double, searchTime: Double,
        weighTime: Bool = false
    ) -> (candidate: Candidate, rung: Int)? {
        guard sizes.count > 1, searchTime > 0 else { return nil }
        let timeLeft = searchTime - elapsed
        var spent = [Double](repeating: 0, count: sizes.count)
        for candidate in candidates { if let rung = rungs[candidate.name] { spent[rung] += candidate.trainingSeconds } }
        for rung in stride(from: sizes.count - 2, through: 0, by: -1) {
            let scored = AutopilotJob.ranked(candidates.filter { rungs[$0.name] == rung }, metric: metric)
            let quota = !weighTime || 3 * spent[rung + 1] <= spent[rung] ? scored.count / SampleLadder.factor : 0
            // Past a share of the search time the rung's best that fits moves up anyway when
            // none has yet: a tenth for the smallest sample, a third for the one below every row
            // (training on every row takes long: started later, it would not fit the time left).
            let due = 0.1 + 0.25 * Double(rung) / Double(max(1, sizes.count - 2))
            let pushed = elapsed >= due * searchTime && movedFrom[rung, default: 0] == 0
            for (position, candidate) in scored.enumerated() where !moved.contains(candidate.name) {
                guard position < quota || pushed else { break }
                guard candidate.metric(metric).map({ !$0.isNaN }) ?? false,
                    candidate.algorithm.isTrees || sizes[rung + 1] <= Self.denseRows
                else { continue }
                let expected = candidate.trainingSeconds * Double(sizes[rung + 1]) / Double(sizes[rung]) * 1.2
                // Onto every row a move may take up to twice the time left: cut short by the
                // budget, a model of every row still often beats one of a sample.
                guard expected < timeLeft * (rung + 1 == sizes.count - 1 ? 2 : 1) else { continue }
                moved.insert(candidate.name)
                movedFrom[rung, default: 0] += 1
                return (candidate, rung + 1)
            }
        }
        return nil
    }
}
