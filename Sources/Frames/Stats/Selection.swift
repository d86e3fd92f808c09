/// Order statistics without a full sort.
enum Selection {
    /// Rearranges `values[range]` so that `values[k]` is the value a sort would put there, with
    /// no larger value before it and no smaller one after it (Hoare's quickselect with a
    /// median-of-three pivot).
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int, in range: Range<Int>) {
        var lo = range.lowerBound, hi = range.upperBound - 1
        while hi > lo {
            if hi - lo < 16 {
                // Insertion sort for short ranges.
                for i in (lo + 1)...hi {
                    let x = values[i]
                    var j = i - 1
                    while j >= lo, values[j] > x { values[j + 1] = values[j]; j -= 1 }
                    values[j + 1] = x
                }
                return
            }
            let mid = lo + (hi - lo) / 2
            if values[mid] < values[lo] { values.swapAt(mid, lo) }
            if values[hi] < values[lo] { values.swapAt(hi, lo) }
            if values[hi] < values[mid] { values.swapAt(hi, mid) }
            let pivot = values[mid]
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }

    /// Quantiles by linear interpolation between the closest ranks (numpy's and pandas'
    /// default), for values with no NaN. `values` is reordered.
    static func quantiles(_ values: inout [Double], _ qs: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return qs.map { _ in .nan } }
        return values.withUnsafeMutableBufferPointer { buffer in
            var results: [Double] = []
            var known: [Int: Double] = [:]
            func order(_ k: Int) -> Double {
                if let value = known[k] { return value }
                // Narrow the range using ranks already placed.
                let below = known.keys.filter { $0 < k }.max().map { $0 + 1 } ?? 0
                let above = known.keys.filter { $0 > k }.min() ?? n
                select(buffer, k, in: below..<above)
                known[k] = buffer[k]
                return buffer[k]
            }
            for q in qs {
                let position = q * Double(n - 1)
                let low = Int(position.rounded(.down))
                let fraction = position - Double(low)
                let a = order(low)
                if fraction == 0 || low + 1 >= n { results.append(a); continue }
                let b = order(low + 1)
                // numpy's lerp: exact at both ends.
                results.append(fraction < 0.5 ? a + (b - a) * fraction : b - (b - a) * (1 - fraction))
            }
            return results
        }
    }
}
