#if canImport(Glibc)
import Glibc
#endif

/// Where bars start and which round numbers mark their axis.
///
/// Bars usually start at zero. Scores that differ only in their second or third decimal, such as
/// the F1 of twenty candidates between 0.62 and 0.67, would then all look the same length, so
/// for those the bars start at a round number below the lowest value instead (the ``floor``),
/// and whoever draws them says so.
public struct BarScale: Sendable, Equatable {
    /// The value where bars start.
    public var floor: Double
    /// The value of the longest bar.
    public var top: Double
    /// The smallest spacing of round numbers worth marking on the axis: a power of ten.
    public var step: Double

    /// Bars from zero to the largest value.
    public static func fromZero(_ values: [Double]) -> BarScale {
        let finite = values.filter(\.isFinite)
        let top = max(0, finite.max() ?? 0)
        return BarScale(floor: 0, top: top, step: top > 0 ? powerOfTen(below: top) : 1)
    }

    /// Bars from zero when the values are spread out, from a round number below the lowest value
    /// when they are bunched together.
    ///
    /// The floor is the lowest value less a quarter of the range, rounded down to the power of
    /// ten below half the range (0.6195...0.6651 gives 0.60); it is zero instead when no value is
    /// negative and that floor is lower than the range is wide (the differences show from zero).
    public static func showingDifferences(_ values: [Double]) -> BarScale {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return BarScale(floor: 0, top: 0, step: 1) }
        let range = high - low
        guard range > 0 else {
            if low > 0 { return fromZero(finite) }
            return BarScale(floor: low - 1, top: high, step: 1)
        }
        let step = powerOfTen(below: range / 2)
        let floor = ((low - range / 4) / step).rounded(.down) * step
        if low >= 0, floor < range { return fromZero(finite) }
        return BarScale(floor: floor, top: high, step: step)
    }

    /// Whether the bars start somewhere else than zero.
    public var isCut: Bool { floor != 0 }

    /// The share of a full bar that `value` fills: 0 at the floor (or below), 1 at the top.
    public func fraction(_ value: Double) -> Double {
        guard value.isFinite, top > floor else { return 0 }
        return min(1, max(0, (value - floor) / (top - floor)))
    }

    /// Round numbers from the floor up to the top, two to six of them.
    public var ticks: [Double] {
        guard top > floor else { return [floor] }
        var spacing = step
        for factor in [1.0, 2, 5, 10, 20, 50, 100] {
            spacing = step * factor
            if (top - floor) / spacing <= 5 { break }
        }
        let first = (floor / spacing - 1e-9).rounded(.up)
        let last = (top / spacing + 1e-9).rounded(.down)
        guard first <= last else { return [floor] }
        return stride(from: first, through: last, by: 1).map { ($0 * spacing * 1e9).rounded() / 1e9 }
    }

    /// `value` with as many decimals as the scale's step needs: `0.60` for a step of 0.01.
    public func label(_ value: Double) -> String {
        let decimals = max(0, Int(-log10(step).rounded()))
        let clean = value == 0 ? 0 : value  // no "-0.00"
        var buffer = [CChar](repeating: 0, count: 48)
        _ = withVaList([decimals, clean]) { vsnprintf(&buffer, 48, "%.*f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func powerOfTen(below value: Double) -> Double {
        pow(10, (log10(abs(value))).rounded(.down))
    }
}
