#if canImport(Glibc)
import Glibc
#endif

/// The loops of a fully connected layer over row-major `Float` buffers, written so the
/// optimiser vectorises the inner ones (contiguous `y += a·x` updates and dot products with
/// independent partial sums). Every sum runs in a fixed order, so results are the same run to run.
enum Dense {
    /// `y = x · W + b` for `rows` rows, then `max(0, y)` when `relu`; `x` is `rows × inputs`,
    /// `W` is `inputs × outputs`, `y` is `rows × outputs`. Zero inputs (one-hot columns, ReLU
    /// outputs) are skipped.
    static func forward(
        _ x: UnsafeBufferPointer<Float>, rows: Int, inputs: Int, weights: UnsafeBufferPointer<Float>,
        biases: UnsafeBufferPointer<Float>, outputs: Int, into y: UnsafeMutableBufferPointer<Float>, relu: Bool
    ) {
        for row in 0..<rows {
            let out = UnsafeMutableBufferPointer(rebasing: y[(row * outputs)..<((row + 1) * outputs)])
            for j in 0..<outputs { out[j] = biases[j] }
            let input = row * inputs
            for k in 0..<inputs where x[input + k] != 0 {
                add(x[input + k], UnsafeBufferPointer(rebasing: weights[(k * outputs)..<((k + 1) * outputs)]), to: out)
            }
            if relu { for j in 0..<outputs { out[j] = max(out[j], 0) } }
        }
    }

    /// Adds the gradients of a layer's weights and biases for a batch: `dW += xᵀ · δ`,
    /// `db += Σ δ`, where `δ` (`rows × outputs`) is the loss's gradient at the layer's output.
    static func accumulate(
        _ x: UnsafeBufferPointer<Float>, rows: Int, inputs: Int, delta: UnsafeBufferPointer<Float>,
        outputs: Int, weights: UnsafeMutableBufferPointer<Float>, biases: UnsafeMutableBufferPointer<Float>
    ) {
        for row in 0..<rows {
            let d = UnsafeBufferPointer(rebasing: delta[(row * outputs)..<((row + 1) * outputs)])
            add(1, d, to: biases)
            let input = row * inputs
            for k in 0..<inputs where x[input + k] != 0 {
                add(
                    x[input + k], d,
                    to: UnsafeMutableBufferPointer(rebasing: weights[(k * outputs)..<((k + 1) * outputs)]))
            }
        }
    }

    /// The gradient at the layer's input, through the ReLU that made it: `δx = (δ · Wᵀ) ⊙ [x > 0]`.
    static func backpropagate(
        _ delta: UnsafeBufferPointer<Float>, rows: Int, outputs: Int, weights: UnsafeBufferPointer<Float>,
        activations x: UnsafeBufferPointer<Float>, inputs: Int, into dx: UnsafeMutableBufferPointer<Float>
    ) {
        for row in 0..<rows {
            let d = UnsafeBufferPointer(rebasing: delta[(row * outputs)..<((row + 1) * outputs)])
            let input = row * inputs
            for k in 0..<inputs {
                dx[input + k] =
                    x[input + k] > 0
                    ? dot(d, UnsafeBufferPointer(rebasing: weights[(k * outputs)..<((k + 1) * outputs)])) : 0
            }
        }
    }

    /// `y += a · x`, over `y`'s length.
    @inline(__always)
    static func add(_ a: Float, _ x: UnsafeBufferPointer<Float>, to y: UnsafeMutableBufferPointer<Float>) {
        for j in 0..<y.count { y[j] += a * x[j] }
    }

    /// `Σ a[j] · b[j]` over `a`'s length, in eight fixed partial sums.
    @inline(__always)
    static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0, s4: Float = 0, s5: Float = 0, s6: Float = 0,
            s7: Float = 0
        var j = 0
        while j &+ 8 <= a.count {
            s0 += a[j] * b[j]; s1 += a[j &+ 1] * b[j &+ 1]; s2 += a[j &+ 2] * b[j &+ 2]; s3 += a[j &+ 3] * b[j &+ 3]
            s4 += a[j &+ 4] * b[j &+ 4]; s5 += a[j &+ 5] * b[j &+ 5]; s6 += a[j &+ 6] * b[j &+ 6];
            s7 += a[j &+ 7] * b[j &+ 7]
            j &+= 8
        }
        var tail: Float = 0
        while j < a.count { tail += a[j] * b[j]; j &+= 1 }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)) + tail
    }

    static func sigmoid(_ z: Float) -> Float {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// Softmax of `z`, shifted by its maximum so no `exp` overflows.
    static func softmax(_ z: [Float]) -> [Float] {
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}
