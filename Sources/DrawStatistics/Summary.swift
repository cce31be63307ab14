/// A money quantity over Monte Carlo draws as finance leads read it (MODEL.md §6): mean, 5th and
/// 95th percentiles (``Percentile/type7(_:_:)``) and variance, which splits the financial risk
/// between commissioner and provider.
///
/// The mean of a constant is reported exactly (a sum of n equal values divided by n can be off by
/// a rounding step, which would show as a spurious variance); the variance has the n − 1 divisor
/// and is 0 for a single draw.
public struct Summary: Codable, Hashable, Sendable {
    /// Mean over draws.
    public let mean: Double
    /// 5th percentile over draws.
    public let p5: Double
    /// 95th percentile over draws.
    public let p95: Double
    /// Sample variance over draws (n − 1 divisor).
    public let variance: Double

    /// Summarises per-draw values.
    ///
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n log n) for the sort.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a summary over draws needs at least one draw")
        let n = Double(values.count)
        let sorted = values.sorted()
        let constant = sorted.first == sorted.last
        let m = constant ? sorted[0] : values.reduce(0, +) / n
        mean = m
        p5 = Percentile.type7(sorted, 0.05)
        p95 = Percentile.type7(sorted, 0.95)
        variance = values.count > 1 && !constant ? values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) : 0
    }
}
