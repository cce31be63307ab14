import DrawStatistics

/// A money figure over Monte Carlo draws as a finance lead reads it: the mean, the 5th and 95th
/// percentiles (Hyndman–Fan type 7, ``Percentile``) and a worst case, the value beyond
/// which only a small share of draws falls on the side that hurts the party (docs/MODEL-NOTES.md,
/// "Cash view and worst case").
public struct CashSummary: Codable, Hashable, Sendable {
    /// Which tail is the worst case: high for a payment or a cost, low for an income or margin.
    public enum Adverse: Sendable { case high, low }

    public let mean: Double
    public let p5: Double
    public let p95: Double
    /// The `1 − worstShare` percentile when high values hurt, the `worstShare` percentile when
    /// low values do (P99 of a payment, P1 of a margin with the default 1%).
    public let worst: Double

    public init(_ values: [Double], worstShare: Double, adverse: Adverse) {
        precondition(!values.isEmpty, "a cash figure needs at least one draw")
        let sorted = values.sorted()
        mean = sorted.first == sorted.last ? sorted[0] : values.reduce(0, +) / Double(values.count)
        p5 = Percentile.type7(sorted, 0.05)
        p95 = Percentile.type7(sorted, 0.95)
        worst = Percentile.type7(sorted, adverse == .high ? 1 - worstShare : worstShare)
    }
}

/// One financial year's figure: its label (`2026/27`) and the summary over draws.
public struct YearCash: Codable, Hashable, Sendable {
    public let year: String
    public let mean: Double
    public let p5: Double
    public let p95: Double
    public let worst: Double

    public init(year: String, _ summary: CashSummary) {
        self.year = year
        mean = summary.mean
        p5 = summary.p5
        p95 = summary.p95
        worst = summary.worst
    }
}
