#if canImport(Glibc)
import Glibc
#endif

/// A linear learner: L2-regularised logistic regression (Newton's method) for classes, one
/// model per class for multiclass, and ridge regression (normal equations) for numbers. Input
/// must be imputed and scaled (the linear pipeline does it).
public struct LinearModel: Sendable, Codable, Equatable {
    /// One weight vector per class model (one for binary and regression), bias last.
    public var weights: [[Double]]
    public var problem: ProblemType

    /// Fits on `data` with `labels`; `l2` is the penalty on weights (not the bias);
    /// `positiveWeight` multiplies the weight of positive rows (binary).
    public static func fit(
        _ data: DesignMatrix, labels: [Float], problem: ProblemType, classes: Int, l2: Double,
        positiveWeight: Double = 1
    ) -> LinearModel {
        switch problem {
        case .regression:
            return LinearModel(weights: [ridge(data, labels.map(Double.init), l2: l2)], problem: problem)
        case .binary:
            let y = labels.map(Double.init)
            return LinearModel(weights: [logistic(data, y, l2: l2, positiveWeight: positiveWeight)], problem: problem)
        case .multiclass:
            let models = (0..<classes).map { c in
                logistic(data, labels.map { $0 == Float(c) ? 1 : 0 }, l2: l2, positiveWeight: 1)
            }
            return LinearModel(weights: models, problem: problem)
        }
    }

    /// Scores: P(positive) for binary, class probabilities (row-major) for multiclass, values for regression.
    public func scores(_ data: DesignMatrix) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(data.rows * weights.count)
        for row in 0..<data.rows {
            let x = data.values[(row * data.columns)..<((row + 1) * data.columns)]
            let margins = weights.map { w in LinearModel.dot(w, x) }
            switch problem {
            case .regression: out.append(Float(margins[0]))
            case .binary: out.append(Float(LinearModel.sigmoid(margins[0])))
            case .multiclass:
                let p = margins.map(LinearModel.sigmoid)
                let total = max(p.reduce(0, +), 1e-12)
                out += p.map { Float($0 / total) }
            }
        }
        return out
    }

    static func dot(_ w: [Double], _ x: ArraySlice<Float>) -> Double {
        var s = w[w.count - 1]
        var i = 0
        for v in x { s += w[i] * Double(v); i += 1 }
        return s
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Newton–Raphson (IRLS) for weighted logistic regression, at most 25 steps.
    static func logistic(_ data: DesignMatrix, _ y: [Double], l2: Double, positiveWeight: Double) -> [Double] {
        let d = data.columns + 1
        var w = [Double](repeating: 0, count: d)
        for _ in 0..<25 {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            var x = [Double](repeating: 1, count: d)
            for row in 0..<data.rows {
                for j in 0..<data.columns { x[j] = Double(data.values[row * data.columns + j]) }
                x[d - 1] = 1
                var z = 0.0
                for j in 0..<d { z += w[j] * x[j] }
                let p = sigmoid(z)
                let weight = y[row] == 1 ? positiveWeight : 1
                let g = (p - y[row]) * weight
                let h = max(p * (1 - p), 1e-9) * weight
                for j in 0..<d where x[j] != 0 {
                    gradient[j] += g * x[j]
                    let hx = h * x[j]
                    for k in j..<d where x[k] != 0 { hessian[j * d + k] += hx * x[k] }
                }
            }
            for j in 0..<d {
                for k in 0..<j { hessian[j * d + k] = hessian[k * d + j] }
                if j < d - 1 { gradient[j] += l2 * w[j]; hessian[j * d + j] += l2 } else { hessian[j * d + j] += 1e-8 }
            }
            guard let step = solve(hessian, gradient, d) else { break }
            var change = 0.0
            for j in 0..<d { w[j] -= step[j]; change = max(change, abs(step[j])) }
            if change < 1e-7 { break }
        }
        return w
    }

    /// Ridge regression by the normal equations.
    static func ridge(_ data: DesignMatrix, _ y: [Double], l2: Double) -> [Double] {
        let d = data.columns + 1
        var a = [Double](repeating: 0, count: d * d)
        var b = [Double](repeating: 0, count: d)
        var x = [Double](repeating: 1, count: d)
        for row in 0..<data.rows {
            for j in 0..<data.columns { x[j] = Double(data.values[row * data.columns + j]) }
            for j in 0..<d where x[j] != 0 {
                b[j] += x[j] * y[row]
                for k in j..<d where x[k] != 0 { a[j * d + k] += x[j] * x[k] }
            }
        }
        for j in 0..<d {
            for k in 0..<j { a[j * d + k] = a[k * d + j] }
            a[j * d + j] += j < d - 1 ? l2 : 1e-8
        }
        return solve(a, b, d) ?? [Double](repeating: 0, count: d)
    }

    /// Solves A·x = b for a symmetric positive definite A (Cholesky).
    static func solve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
