extension MLP {
    /// How an MLP is shaped and trained.
    public struct Parameters: Sendable, Codable, Equatable {
        /// The width of each hidden layer, input side first: `[64]`, `[64, 32]`.
        public var hiddenLayers: [Int]
        /// Adam's step size.
        public var learningRate: Double
        /// Decoupled weight decay (AdamW): each step shrinks the weights (not the biases) by
        /// `learningRate × weightDecay` of themselves.
        public var weightDecay: Double
        /// Rows per Adam step.
        public var batchSize: Int
        /// Passes over the training rows at most.
        public var maxEpochs: Int
        /// Training stops after this many epochs without a better validation loss.
        public var patience: Int
        /// Seeds the initial weights, the row order of each epoch and the internal holdout.
        public var seed: UInt64

        public init(
            hiddenLayers: [Int] = [64], learningRate: Double = 0.001, weightDecay: Double = 1e-4,
            batchSize: Int = 256, maxEpochs: Int = 40, patience: Int = 5, seed: UInt64 = 0
        ) {
            self.hiddenLayers = hiddenLayers
            self.learningRate = learningRate
            self.weightDecay = weightDecay
            self.batchSize = batchSize
            self.maxEpochs = maxEpochs
            self.patience = patience
            self.seed = seed
        }

        /// Parameters from a candidate's hyperparameters (names as in `SearchSpace.mlp`); the
        /// missing ones keep their defaults. `hidden_layers` layers are made, the first
        /// `hidden_units` wide and each next one half as wide (at least 8).
        ///
        /// ```swift
        /// let p = MLP.Parameters.parameters(from: ["hidden_units": 128, "hidden_layers": 2], seed: 7)
        /// // p.hiddenLayers == [128, 64]
        /// ```
        public static func parameters(from hyperparameters: [String: Double], seed: UInt64) -> MLP.Parameters {
            var p = MLP.Parameters(seed: seed)
            func integer(_ name: String) -> Int? {
                hyperparameters[name].flatMap { $0.isFinite ? max(1, Int($0.rounded())) : nil }
            }
            let width = integer("hidden_units") ?? p.hiddenLayers[0]
            let depth = integer("hidden_layers") ?? p.hiddenLayers.count
            p.hiddenLayers = (0..<depth).map { max(width >> $0, min(width, 8)) }
            if let v = hyperparameters["learning_rate"], v > 0 { p.learningRate = v }
            if let v = hyperparameters["weight_decay"], v >= 0 { p.weightDecay = v }
            if let v = integer("batch_size") { p.batchSize = v }
            if let v = integer("max_epochs") { p.maxEpochs = v }
            if let v = integer("patience") { p.patience = v }
            return p
        }
    }
}
