import Frames

#if canImport(Glibc)
import Glibc
#endif

/// The state of one MLP fit: parameters, gradients and Adam's moments in flat buffers (each
/// layer's weights, then its biases), and one batch's activations and gradients per layer.
final class MLPTrainer {
    /// Rows copied out of a design matrix, with missing (and infinite) inputs as 0.
    struct Examples {
        var values: [Float]
        var labels: [Float]
        var rows: Int

        init(_ data: DesignMatrix, labels: [Float], rows picked: [Int]) {
            values = []
            values.reserveCapacity(picked.count * data.columns)
            for row in picked {
                values += data.values[(row * data.columns)..<((row + 1) * data.columns)].lazy.map {
                    $0.isFinite ? $0 : 0
                }
            }
            self.labels = picked.map { labels[$0] }
            rows = picked.count
        }
    }

    let problem: ProblemType
    let parameters: MLP.Parameters
    let positiveWeight: Float
    /// Layer widths: inputs, the hidden layers, outputs.
    let sizes: [Int]
    let weightOffsets: [Int], biasOffsets: [Int]
    let batchSize: Int
    var train: Examples
    let targetMean: Float, targetScale: Float

    let theta: UnsafeMutableBufferPointer<Float>
    let gradient: UnsafeMutableBufferPointer<Float>
    let moment1: UnsafeMutableBufferPointer<Float>
    let moment2: UnsafeMutableBufferPointer<Float>
    /// `activations[l]` is the input of layer `l` (`batchSize × sizes[l]`); the last one is the output.
    let activations: [UnsafeMutableBufferPointer<Float>]
    /// `deltas[l]` is the loss's gradient at layer `l`'s output.
    let deltas: [UnsafeMutableBufferPointer<Float>]
    var steps = 0

    init(
        inputs: Int, problem: ProblemType, classes: Int, parameters: MLP.Parameters, positiveWeight: Float,
        train: Examples
    ) {
        self.problem = problem
        self.parameters = parameters
        self.positiveWeight = positiveWeight
        let outputs = problem == .multiclass ? max(2, classes) : 1
        sizes = [inputs] + parameters.hiddenLayers.map { max(1, $0) } + [outputs]
        var weightOffsets: [Int] = [], biasOffsets: [Int] = [], count = 0
        for l in 0..<(sizes.count - 1) {
            weightOffsets.append(count)
            count += sizes[l] * sizes[l + 1]
            biasOffsets.append(count)
            count += sizes[l + 1]
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        batchSize = max(1, parameters.batchSize)
        let buffer = MLPTrainer.zeros
        theta = buffer(count)
        gradient = buffer(count)
        moment1 = buffer(count)
        moment2 = buffer(count)
        let rows = batchSize
        activations = sizes.map { buffer(rows * $0) }
        deltas = sizes.dropFirst().map { buffer(rows * $0) }

        var train = train
        if problem == .regression {
            let known = train.labels.filter(\.isFinite)
            let n = Double(max(1, known.count))
            let mean = known.reduce(0.0) { $0 + Double($1) } / n
            let variance = known.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
            let scale = variance > 0 ? Float(variance.squareRoot()) : 1
            targetMean = Float(mean)
            targetScale = scale
            train.labels = train.labels.map { ($0 - Float(mean)) / scale }
        } else {
            targetMean = 0
            targetScale = 1
        }
        self.train = train
        initialise()
    }

    private static func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        buffer.initialize(repeating: 0)
        return buffer
    }

    deinit {
        for b in [theta, gradient, moment1, moment2] + activations + deltas { b.deallocate() }
    }

    /// He initialisation (normal, standard deviation √(2 / fan-in)) for the hidden layers,
    /// √(1 / fan-in) for the output layer; output biases at the training rows' log odds.
    private func initialise() {
        var generator = SplitMix64(seed: parameters.seed)
        func uniform() -> Double { (Double(generator.next() >> 11) + 0.5) / Double(1 << 53) }
        let layers = sizes.count - 1
        for l in 0..<layers {
            let fanIn = Double(max(1, sizes[l]))
            let sd = (l < layers - 1 ? 2 / fanIn : 1 / fanIn).squareRoot()
            for i in 0..<(sizes[l] * sizes[l + 1]) {
                let gaussian = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
                theta[weightOffsets[l] + i] = Float(gaussian * sd)
            }
        }
        let output = biasOffsets[layers - 1]
        switch problem {
        case .binary:
            let positives = Double(train.labels.filter { $0 == 1 }.count)
            let p = min(max((positives + 1) / Double(train.rows + 2), 1e-4), 1 - 1e-4)
            theta[output] = Float(log(p / (1 - p)))
        case .multiclass:
            let k = sizes[layers]
            var counts = [Double](repeating: 1, count: k)
            for label in train.labels where label >= 0 && label < Float(k) { counts[Int(label)] += 1 }
            for c in 0..<k { theta[output + c] = Float(log(counts[c] / Double(train.rows + k))) }
        case .regression:
            break
        }
    }
}

extension MLPTrainer {
    /// One Adam step on the training rows `batch`; returns their summed loss.
    func step(_ batch: ArraySlice<Int>) -> Double {
        let count = batch.count
        let inputs = sizes[0]
        train.values.withUnsafeBufferPointer { values in
            for (r, row) in batch.enumerated() {
                for k in 0..<inputs { activations[0][r * inputs + k] = values[row * inputs + k] }
            }
        }
        forward(count)
        let total = outputLoss(count, labels: batch.map { train.labels[$0] }, weighted: true, delta: true)
        gradient.update(repeating: 0)
        for l in stride(from: sizes.count - 2, through: 0, by: -1) {
            Dense.accumulate(
                UnsafeBufferPointer(activations[l]), rows: count, inputs: sizes[l],
                delta: UnsafeBufferPointer(deltas[l]),
                outputs: sizes[l + 1], weights: slice(gradient, weightOffsets[l], sizes[l] * sizes[l + 1]),
                biases: slice(gradient, biasOffsets[l], sizes[l + 1]))
            if l > 0 {
                Dense.backpropagate(
                    UnsafeBufferPointer(deltas[l]), rows: count, outputs: sizes[l + 1],
                    weights: UnsafeBufferPointer(slice(theta, weightOffsets[l], sizes[l] * sizes[l + 1])),
                    activations: UnsafeBufferPointer(activations[l]), inputs: sizes[l], into: deltas[l - 1])
            }
        }
        adam()
        return total
    }

    /// The mean loss on `examples`, unweighted, from the current weights.
    func loss(_ examples: Examples) -> Double {
        let inputs = sizes[0]
        var total = 0.0
        for start in stride(from: 0, to: examples.rows, by: batchSize) {
            let count = min(batchSize, examples.rows - start)
            examples.values.withUnsafeBufferPointer { values in
                for i in 0..<(count * inputs) { activations[0][i] = values[start * inputs + i] }
            }
            forward(count)
            var labels = Array(examples.labels[start..<(start + count)])
            if problem == .regression { labels = labels.map { ($0 - targetMean) / targetScale } }
            total += outputLoss(count, labels: labels, weighted: false, delta: false)
        }
        return examples.rows == 0 ? .infinity : total / Double(examples.rows)
    }

    /// Runs the network on the first `count` rows of `activations[0]`.
    private func forward(_ count: Int) {
        for l in 0..<(sizes.count - 1) {
            Dense.forward(
                UnsafeBufferPointer(activations[l]), rows: count, inputs: sizes[l],
                weights: UnsafeBufferPointer(slice(theta, weightOffsets[l], sizes[l] * sizes[l + 1])),
                biases: UnsafeBufferPointer(slice(theta, biasOffsets[l], sizes[l + 1])), outputs: sizes[l + 1],
                into: activations[l + 1], relu: l < sizes.count - 2)
        }
    }

    /// The summed loss of the output layer's margins against `labels` and, with `delta`, the
    /// gradient of the batch's mean loss at the margins, in the last `deltas` buffer.
    private func outputLoss(_ count: Int, labels: [Float], weighted: Bool, delta: Bool) -> Double {
        let z = activations[sizes.count - 1]
        let d = deltas[sizes.count - 2]
        let k = sizes[sizes.count - 1]
        let scale = 1 / Float(count)
        var total = 0.0
        for r in 0..<count {
            let label = labels[r]
            switch problem {
            case .binary:
                let y: Float = label == 1 ? 1 : 0
                let w: Float = weighted && y == 1 ? positiveWeight : 1
                let margin = z[r]
                // log(1 + e^z) − y·z, without overflow.
                total += Double(w * (max(margin, 0) + log1p(exp(-abs(margin))) - y * margin))
                if delta { d[r] = w * (Dense.sigmoid(margin) - y) * scale }
            case .multiclass:
                let row = r * k
                var top = z[row]
                for c in 1..<k { top = max(top, z[row + c]) }
                var sum: Float = 0
                for c in 0..<k { sum += exp(z[row + c] - top) }
                let y = label >= 0 && label < Float(k) ? Int(label) : -1
                if y >= 0 { total += Double(log(sum) - (z[row + y] - top)) }
                if delta {
                    for c in 0..<k { d[row + c] = y < 0 ? 0 : (exp(z[row + c] - top) / sum - (c == y ? 1 : 0)) * scale }
                }
            case .regression:
                let difference = label.isFinite ? z[r] - label : 0
                total += Double(0.5 * difference * difference)
                if delta { d[r] = difference * scale }
            }
        }
        return total
    }

    /// Adam's update of every parameter from `gradient`, then decoupled weight decay.
    private func adam() {
        steps += 1
        let beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8
        let learningRate = Float(parameters.learningRate)
        // The step with both moments' bias corrections folded in.
        let stepSize = Float(
            parameters.learningRate * (1 - pow(Double(beta2), Double(steps))).squareRoot()
                / (1 - pow(Double(beta1), Double(steps))))
        for i in 0..<theta.count {
            let g = gradient[i]
            moment1[i] = beta1 * moment1[i] + (1 - beta1) * g
            moment2[i] = beta2 * moment2[i] + (1 - beta2) * g * g
            theta[i] -= stepSize * moment1[i] / (moment2[i].squareRoot() + epsilon)
        }
        let shrink = 1 - learningRate * Float(parameters.weightDecay)
        guard shrink != 1 else { return }
        for l in 0..<(sizes.count - 1) {
            for i in weightOffsets[l]..<biasOffsets[l] { theta[i] *= shrink }
        }
    }

    private func slice(
        _ buffer: UnsafeMutableBufferPointer<Float>, _ start: Int, _ count: Int
    ) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + count)])
    }
}
