import Foundation

/// Maps data values to pixels along one axis: `domain.lower ↦ start`, `domain.upper ↦ end`
/// (the end may be smaller than the start, as on a y axis where pixels grow downwards).
public struct LinearScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let start: Double
    public let end: Double

    public init(lower: Double, upper: Double, start: Double, end: Double) {
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
        self.start = start
        self.end = end
    }

    public func callAsFunction(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The data value at a pixel position (the inverse of the mapping).
    public func invert(_ pixel: Double) -> Double {
        lower + (pixel - start) / (end - start) * (upper - lower)
    }

    /// Round tick values (1, 2 or 5 × 10ⁿ apart) covering `lower...upper`, about `count` of them.
    /// With `minimumStep`, ticks are never closer than that (whole years, whole people).
    public static func ticks(lower: Double, upper: Double, count: Int = 5, minimumStep: Double? = nil) -> [Double] {
        let step = max(tickStep(lower: lower, upper: upper, count: count), minimumStep ?? 0)
        let first = (lower / step).rounded(.up), last = (upper / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { ($0 * step).roundedToStep(step) }
    }

    /// The distance between round ticks: 1, 2 or 5 × 10ⁿ, giving about `count` intervals.
    public static func tickStep(lower: Double, upper: Double, count: Int) -> Double {
        let span = max(upper - lower, 1e-12)
        let raw = span / Double(max(count, 1))
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction < 1.5 ? 1 : (fraction < 3.5 ? 2 : (fraction < 7.5 ? 5 : 10))
        return nice * power
    }

    /// A domain that holds every finite value (and 0 when `includingZero`), widened to round
    /// tick positions so the axis starts and ends on a labelled tick. A single value or no
    /// values get a unit-wide domain around them.
    public static func niceDomain(_ values: [Double], includingZero: Bool = false, count: Int = 5) -> (lower: Double, upper: Double) {
        var finite = values.filter(\.isFinite)
        if includingZero { finite.append(0) }
        guard var low = finite.min(), var high = finite.max() else { return (0, 1) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = max(abs(high) * 0.1, 1e-9)
            low -= pad
            high += pad
        }
        let step = tickStep(lower: low, upper: high, count: count)
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step)
    }
}

extension Double {
    /// Removes the binary noise of `k × step` (so 0.1 × 3 is written 0.3).
    func roundedToStep(_ step: Double) -> Double {
        let decimals = max(0, -Int(floor(log10(step))) + 1)
        let factor = pow(10, Double(decimals))
        return (self * factor).rounded() / factor
    }
}
