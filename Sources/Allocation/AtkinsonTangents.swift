import Foundation

/// The tangent lines that approximate the Atkinson utility `u(h) = h^(1−ε)/(1−ε)` (`ln h` at
/// ε = 1) from above in the allocation LP (MODEL.md §5).
///
/// `u` is concave, so every tangent lies on or above it and `min_i [u(a_i) + u'(a_i)(h − a_i)]`
/// is an outer approximation: maximising it gives an LP value at least the exact welfare of the
/// LP's own solution; the difference is reported as the approximation gap. Tangent points are
/// spread evenly over the range of final health the group can reach (from the response curves),
/// so the gap is at most about `|u''| · Δ² / 8` for spacing Δ. At ε = 0, `u(h) = h` and one
/// tangent is exact.
public struct AtkinsonTangents: Sendable {
    public let epsilon: Double
    public let points: [Double]

    /// - Precondition: `range.lowerBound > 0` when ε > 0.
    public init(epsilon: Double, range: ClosedRange<Double>, count: Int) {
        self.epsilon = epsilon
        if epsilon == 0 || range.upperBound - range.lowerBound <= 0 || count < 2 {
            points = [(range.lowerBound + range.upperBound) / 2]
        } else {
            let step = (range.upperBound - range.lowerBound) / Double(count - 1)
            points = (0..<count).map { range.lowerBound + Double($0) * step }
        }
    }

    /// `u(h)`.
    public func utility(_ h: Double) -> Double {
        epsilon == 1 ? log(h) : pow(h, 1 - epsilon) / (1 - epsilon)
    }

    /// `u'(h) = h^(−ε)`.
    public func derivative(_ h: Double) -> Double {
        pow(h, -epsilon)
    }

    /// The outer approximation at `h`: the lowest tangent.
    public func approximation(_ h: Double) -> Double {
        points.reduce(Double.infinity) { min($0, utility($1) + derivative($1) * (h - $1)) }
    }
}
