import EconomicEvaluation

/// A quantity over Monte Carlo draws: mean, 5th and 95th percentiles (Hyndman–Fan type 7, as
/// ``DrawSummary``) and variance (with the n − 1 divisor; 0 for a single draw).
public struct Spread: Codable, Hashable, Sendable {
    public let mean: Double
    public let p5: Double
    public let p95: Double
    public let variance: Double

    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a spread needs at least one draw")
        let n = Double(values.count)
        let sorted = values.sorted()
        // A constant is reported exactly (a sum of n equal values divided by n can be off by a
        // rounding step, which would show as a spurious variance).
        let constant = sorted.first == sorted.last
        mean = constant ? sorted[0] : values.reduce(0, +) / n
        p5 = DrawSummary.percentile(sorted, 0.05)
        p95 = DrawSummary.percentile(sorted, 0.95)
        let m = mean
        variance = values.count > 1 && !constant ? values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) : 0
    }
}
