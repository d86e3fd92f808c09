import Foundation

/// Greedy ensemble selection (Caruana et al., 2004) over the best candidates' validation
/// scores: start from the best, then repeatedly add (with replacement) the member whose
/// addition most improves the objective of the averaged scores, for up to 20 steps.
enum Ensembler {
    struct Result {
        var candidate: Candidate
        var weights: [(name: String, weight: Double)]
    }

    static func select(
        members: [Candidate], scores: [String: [Float]], labels: [Float], problem: ProblemType,
        classes: Int, metric: Metric, index: Int
    ) -> Result? {
        guard members.count > 1, let first = members.first, let firstScores = scores[first.name] else { return nil }
        func objective(_ s: [Float]) -> (value: Double, metrics: [String: Double], threshold: Double?) {
            let e = Evaluation.metrics(problem: problem, labels: labels, scores: s, classes: classes)
            let v = e.metrics[metric.rawValue] ?? .nan
            return (metric.higherIsBetter ? v : -v, e.metrics, e.threshold)
        }
        var counts: [String: Int] = [first.name: 1]
        var sum = firstScores.map(Double.init)
        var size = 1
        var current = objective(firstScores)
        for _ in 0..<20 {
            var bestStep:
                (name: String, result: (value: Double, metrics: [String: Double], threshold: Double?), sum: [Double])?
            for member in members {
                guard let s = scores[member.name] else { continue }
                let trial = zip(sum, s).map { $0 + Double($1) }
                let result = objective(trial.map { Float($0 / Double(size + 1)) })
                if result.value > (bestStep?.result.value ?? current.value) + 1e-9 {
                    bestStep = (member.name, result, trial)
                }
            }
            guard let step = bestStep else { break }
            counts[step.name, default: 0] += 1
            sum = step.sum
            size += 1
            current = step.result
        }
        guard counts.count > 1 else { return nil }
        let weights = members.compactMap { m in counts[m.name].map { (name: m.name, weight: Double($0) / Double(size)) }
        }
        var h: [String: Double] = [:]
        for (i, w) in weights.enumerated() { h["w\(i + 1)"] = w.weight }
        let candidate = Candidate(
            name: "ensemble-\(String(format: "%03d", index))", algorithm: .ensemble, pipeline: "members",
            hyperparameters: Hyperparameters(h), metrics: current.metrics, threshold: current.threshold,
            rounds: nil, trainingSeconds: 0, members: weights.map { "\($0.name)×\(Hyperparameters.format($0.weight))" })
        return Result(candidate: candidate, weights: weights)
    }
}
