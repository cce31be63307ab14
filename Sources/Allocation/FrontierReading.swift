/// What a board should be told about an ``EquityFrontier`` before its numbers: how far the gap
/// can close, what a day of it costs, and the cases where the frontier's usual reading ("total
/// health bought for equity") would mislead (MODEL.md §5).
///
/// The gap and each group's health are in the units of `h_g`: years of quality-adjusted life
/// expectancy per person with `equity.baseline_health`, otherwise QALYs per person. A day is
/// 1/365.25 of either. The price of equity is the gap row's shadow price, QALYs of total net
/// health per unit of gap closed; per day it is that price ÷ 365.25, per 1% of today's gap it
/// is the price × gap ÷ 100.
public struct FrontierReading: Equatable, Sendable, Encodable {
    /// Days in a year, to state gaps and prices per day of health per person.
    public static let daysPerYear = 365.25
    /// Relative tolerance under which two healths, totals or indices count as equal (LP rounding).
    public static let tolerance = 1e-9

    /// The first point (the total-health optimum) and the last (the smallest reachable gap).
    public let openGap: Double, closedGap: Double
    /// Days per person by which the frontier can close the gap, and that as a share of the open gap.
    public let daysClosed: Double, shareClosed: Double
    /// Total net health (QALYs) forgone between the first and the last point (≥ 0).
    public let healthForgone: Double
    /// Lowest and highest price of equity over the points where the limit binds, QALYs per day of gap closed.
    public let pricePerDay: ClosedRange<Double>?
    /// The same per 1% of the open gap closed.
    public let pricePerPercent: ClosedRange<Double>?
    /// Change in the first (worst-off) and last (best-off) group's health from the first point to the last.
    public let worstOffChange: Double, bestOffChange: Double
    /// Atkinson ε = 1 at the first and the last point.
    public let openAtkinson: Double, closedAtkinson: Double

    /// The cases to say in words, in the order a reader needs them.
    public enum Case: String, Equatable, Sendable, CaseIterable, Encodable {
        /// One point: the total-health optimum already has the smallest reachable gap.
        case onePoint = "one_point"
        /// Closing the gap costs no total health (every point has the same total).
        case flat
        /// The gap narrows only because the best-off group loses health; the worst-off gain nothing.
        case levellingDown = "levelling_down"
        /// The Atkinson index (inequality over all groups) rises while the gap narrows.
        case atkinsonRises = "atkinson_rises"
    }

    public let cases: [Case]

    public init(_ frontier: EquityFrontier) {
        let first = frontier.points.first, last = frontier.points.last
        openGap = first?.gap ?? frontier.unconstrainedGap
        closedGap = last?.gap ?? frontier.smallestGap
        daysClosed = (openGap - closedGap) * Self.daysPerYear
        shareClosed = openGap != 0 ? (openGap - closedGap) / abs(openGap) : 0
        healthForgone = max(0, (first?.totalHealth ?? 0) - (last?.totalHealth ?? 0))
        // Points whose gap limit binds (a price of 0 means the limit does not bind there).
        let prices = frontier.points.map(\.shadowPrice).filter { $0 > 0 }
        if let low = prices.min(), let high = prices.max() {
            pricePerDay = (low / Self.daysPerYear)...(high / Self.daysPerYear)
            let percent = abs(openGap) / 100
            pricePerPercent = (low * percent)...(high * percent)
        } else {
            pricePerDay = nil
            pricePerPercent = nil
        }
        worstOffChange = (last?.groupHealth.first ?? 0) - (first?.groupHealth.first ?? 0)
        bestOffChange = (last?.groupHealth.last ?? 0) - (first?.groupHealth.last ?? 0)
        openAtkinson = first?.atkinson ?? .nan
        closedAtkinson = last?.atkinson ?? .nan
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= Self.tolerance * max(1, abs(a), abs(b)) }
        var cases: [Case] = []
        if frontier.points.count <= 1 {
            cases.append(.onePoint)
        } else {
            if same(first?.totalHealth ?? 0, last?.totalHealth ?? 0) { cases.append(.flat) }
            let scale = max(1, abs(openGap))
            if bestOffChange < -Self.tolerance * scale, worstOffChange <= Self.tolerance * scale { cases.append(.levellingDown) }
            if closedAtkinson > openAtkinson, !same(closedAtkinson, openAtkinson) { cases.append(.atkinsonRises) }
        }
        self.cases = cases
    }
}
