#if canImport(Glibc)
import Glibc
#endif

/// A multilayer perceptron: ReLU hidden layers and a sigmoid (binary), softmax (multiclass) or
/// identity (regression) output, trained with Adam on mini-batches (see
/// ``fit(_:labels:problem:classes:parameters:positiveWeight:validation:isCancelled:)``).
/// Input must be imputed and scaled (the `dpp2` pipeline does it); missing values left in it
/// are read as 0.
///
/// ```swift
/// let model = MLP.fit(train, labels: labels, problem: .binary, classes: 2, parameters: MLP.Parameters())
/// let probabilities = model.scores(valid)
/// ```
public struct MLP: Sendable, Codable, Equatable {
    /// One fully connected layer.
    public struct Layer: Sendable, Codable, Equatable {
        public var inputs: Int
        public var outputs: Int
        /// `inputs × outputs`, row-major: the weight from input `i` to output `o` is at `i * outputs + o`.
        public var weights: [Float]
        public var biases: [Float]
    }

    public var problem: ProblemType
    /// The hidden layers, then the output layer.
    public var layers: [Layer]
    /// Regression targets are learned standardised; scores are `output * targetScale + targetMean`.
    public var targetMean: Float
    public var targetScale: Float
    /// The epoch whose weights were kept (the best on validation loss), counting from 1.
    public var epochs: Int

    /// The number of input columns the model takes.
    public var inputs: Int { layers.first?.inputs ?? 0 }

    /// Scores: P(positive) for binary, class probabilities (row-major) for multiclass, values for
    /// regression, as ``LinearModel/scores(_:)`` gives them.
    public func scores(_ data: DesignMatrix) -> [Float] {
        precondition(data.columns == inputs, "the MLP takes \(inputs) columns, not \(data.columns)")
        let width = layers.last?.outputs ?? 0
        var out = [Float](repeating: 0, count: data.rows * width)
        var start = 0
        while start < data.rows {
            let count = min(MLP.scoringBlock, data.rows - start)
            let input = data.values[(start * data.columns)..<((start + count) * data.columns)].map {
                $0.isFinite ? $0 : 0
            }
            let margins = forward(input, rows: count)
            for row in 0..<count {
                let z = margins[(row * width)..<((row + 1) * width)]
                let target = (start + row) * width
                switch problem {
                case .binary: out[target] = Dense.sigmoid(z[z.startIndex])
                case .regression: out[target] = z[z.startIndex] * targetScale + targetMean
                case .multiclass:
                    let p = Dense.softmax(Array(z))
                    for c in 0..<width { out[target + c] = p[c] }
                }
            }
            start += count
        }
        return out
    }

    /// Rows scored at a time, so the activations stay small whatever the data's size.
    static let scoringBlock = 512

    /// The output layer's margins for `rows` clean input rows.
    func forward(_ input: [Float], rows: Int) -> [Float] {
        var activations = input
        for (index, layer) in layers.enumerated() {
            var next = [Float](repeating: 0, count: rows * layer.outputs)
            activations.withUnsafeBufferPointer { x in
                layer.weights.withUnsafeBufferPointer { w in
                    layer.biases.withUnsafeBufferPointer { b in
                        next.withUnsafeMutableBufferPointer { y in
                            Dense.forward(
                                x, rows: rows, inputs: layer.inputs, weights: w, biases: b, outputs: layer.outputs,
                                into: y, relu: index < layers.count - 1)
                        }
                    }
                }
            }
            activations = next
        }
        return activations
    }
}
