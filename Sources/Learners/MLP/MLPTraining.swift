import Frames

extension MLP {
    /// Trains an MLP on `data` with `labels` (class indices, or values for regression).
    ///
    /// Weights start from He initialisation and are trained with Adam on shuffled mini-batches
    /// against log loss (binary), cross-entropy (multiclass) or squared error on standardised
    /// targets (regression). After every epoch the loss on `validation` (or, without it, on a
    /// holdout of 10% of the rows drawn with the seed) decides: the best epoch's weights are
    /// kept, and training stops after `parameters.patience` epochs without improvement.
    /// The same data and parameters give bitwise the same model.
    ///
    /// - Parameters:
    ///   - classes: the number of classes (multiclass); ignored otherwise.
    ///   - positiveWeight: multiplies the training loss of positive rows (binary).
    ///   - isCancelled: asked before every batch; when it says yes, the best weights so far are returned.
    public static func fit(
        _ data: DesignMatrix, labels: [Float], problem: ProblemType, classes: Int, parameters: MLP.Parameters,
        positiveWeight: Double = 1, validation: (DesignMatrix, [Float])? = nil,
        isCancelled: () -> Bool = { false }
    ) -> MLP {
        precondition(labels.count == data.rows, "one label per row")
        precondition(
            validation.map { $0.0.columns == data.columns && $0.1.count == $0.0.rows } ?? true,
            "validation rows have the training columns and one label each")
        var rows = Array(0..<data.rows)
        var holdout: [Int] = []
        if validation == nil, data.rows >= 20 {
            var generator = SplitMix64(seed: parameters.seed &+ 1)
            for i in stride(from: rows.count - 1, to: 0, by: -1) {
                rows.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
            holdout = rows.suffix(max(1, data.rows / 10)).sorted()
            rows = rows.dropLast(holdout.count).sorted()
        }
        let train = MLPTrainer.Examples(data, labels: labels, rows: rows)
        let valid =
            validation.map { MLPTrainer.Examples($0.0, labels: $0.1, rows: Array(0..<$0.0.rows)) }
            ?? (holdout.isEmpty ? nil : MLPTrainer.Examples(data, labels: labels, rows: holdout))
        let trainer = MLPTrainer(
            inputs: data.columns, problem: problem, classes: classes, parameters: parameters,
            positiveWeight: Float(positiveWeight), train: train)
        return trainer.run(validation: valid, isCancelled: isCancelled)
    }
}

extension MLPTrainer {
    /// Epochs of mini-batch Adam, each followed by a look at the validation loss; the model
    /// with the best weights seen (the last ones without validation rows).
    func run(validation: Examples?, isCancelled: () -> Bool) -> MLP {
        var generator = SplitMix64(seed: parameters.seed &+ 2)
        var order = Array(0..<train.rows)
        var best = Array(theta)
        var bestLoss = validation.map(loss) ?? .infinity
        var bestEpoch = 0
        var stale = 0
        training: for epoch in stride(from: 1, through: parameters.maxEpochs, by: 1) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
            var trainingLoss = 0.0
            for start in stride(from: 0, to: train.rows, by: batchSize) {
                if isCancelled() { break training }
                trainingLoss += step(order[start..<min(start + batchSize, train.rows)])
            }
            guard trainingLoss.isFinite else { break }
            guard let validation else {
                best = Array(theta)
                bestEpoch = epoch
                continue
            }
            let loss = self.loss(validation)
            guard loss.isFinite else { break }
            stale = loss < bestLoss * (1 - 1e-4) ? 0 : stale + 1
            if loss < bestLoss {
                bestLoss = loss
                best = Array(theta)
                bestEpoch = epoch
            }
            if stale >= max(1, parameters.patience) { break }
        }
        let layers = (0..<(sizes.count - 1)).map { l in
            MLP.Layer(
                inputs: sizes[l], outputs: sizes[l + 1], weights: Array(best[weightOffsets[l]..<biasOffsets[l]]),
                biases: Array(best[biasOffsets[l]..<(biasOffsets[l] + sizes[l + 1])]))
        }
        return MLP(
            problem: problem, layers: layers, targetMean: targetMean, targetScale: targetScale, epochs: bestEpoch)
    }
}
