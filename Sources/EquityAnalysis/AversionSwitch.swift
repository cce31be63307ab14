import Foundation

/// An inequality aversion at which the option with the highest social welfare changes, as in
/// "an inequality aversion above 3.2 favours option B" (MODEL.md §4).
///
/// Below ``epsilon`` (down to the previous switch, or 0) option ``from`` has the highest mean
/// welfare `W(ε) = EDE_ε · Σ N_g` (see ``WelfareRanking``); just above it, option ``to`` has.
public struct AversionSwitch: Equatable, Sendable {
    /// The Atkinson inequality aversion ε where the best option changes.
    public let epsilon: Double
    /// Best option just below ``epsilon``.
    public let from: Int
    /// Best option just above ``epsilon``.
    public let to: Int
}

extension DistributionalEvaluation {
    /// Every inequality aversion in `[0, upTo]` at which the best option changes, in increasing ε
    /// (empty when one option is best throughout).
    ///
    /// The search evaluates the best option on a grid uniform in `t = ε/(1+ε)` (fine at small ε,
    /// where choices usually turn, and still reaching large ε), then bisects each grid cell whose
    /// ends disagree until the cell is narrower than `tolerance · max(1, ε)`. Two switches inside one
    /// cell may be missed or reported as one. ε = ∞ is not searched; its ranking is in
    /// ``welfareRankings(epsilons:)``.
    ///
    /// - Parameters:
    ///   - upTo: largest ε searched (finite, > 0); 100 by default.
    ///   - gridPoints: grid cells (≥ 1); 1000 by default, a cell of about 0.001 near ε = 0 and 1 near ε = 30.
    ///   - tolerance: relative width at which bisection stops (> 0).
    /// - Throws: ``EquityError/invalidSearch(_:)`` for bad settings; as
    ///   ``welfareRankings(epsilons:)`` when some health is ≤ 0.
    /// - Complexity: O((gridPoints + switches × log(1/tolerance)) × options × draws × groups).
    public func aversionSwitches(
        upTo maximum: Double = 100, gridPoints: Int = 1000, tolerance: Double = 1e-9
    ) throws(EquityError) -> [AversionSwitch] {
        // Check h > 0 once (with option and draw in any error), then reuse log health at every ε.
        for o in optionNames.indices {
            _ = try values(option: o) { (d) throws(EquityError) in try d.atkinsonEDE(epsilon: 1) }
        }
        let logHealth = distributions.map { $0.map { $0.health.map { Foundation.log($0) } } }
        let shares = distributions[0][0].shares
        func epsilon(_ t: Double) -> Double { t / (1 - t) }
        func best(_ t: Double) -> Int {
            let meanWelfare = optionNames.indices.map { o in
                distributions[o].indices.reduce(0.0) { sum, d in
                    let ede = HealthDistribution.atkinsonEDE(health: distributions[o][d].health,
                                                             logHealth: logHealth[o][d], shares: shares,
                                                             epsilon: epsilon(t))
                    return sum + ede * totalPopulation
                } / Double(drawCount)
            }
            return WelfareRanking.order(byMeanWelfare: meanWelfare)[0]
        }
        return try Self.switchPoints(upTo: maximum, gridPoints: gridPoints, tolerance: tolerance) { t in best(t) }
            .map { AversionSwitch(epsilon: $0.aversion, from: $0.from, to: $0.to) }
    }

    /// Every aversion in `[0, upTo]` at which `best` changes, searched on a grid uniform in
    /// `t = aversion/(1+aversion)` and bisected to `tolerance · max(1, aversion)`; shared by the
    /// Atkinson and Kolm searches. `best(t)` is the best option at aversion `t/(1−t)`.
    static func switchPoints(
        upTo maximum: Double, gridPoints: Int, tolerance: Double, best: (Double) -> Int
    ) throws(EquityError) -> [(aversion: Double, from: Int, to: Int)] {
        guard maximum.isFinite && maximum > 0 else { throw .invalidSearch("upTo is \(maximum); give a finite aversion > 0") }
        guard gridPoints >= 1 else { throw .invalidSearch("gridPoints is \(gridPoints); give at least 1") }
        guard tolerance > 0 else { throw .invalidSearch("tolerance is \(tolerance); give a number > 0") }
        func aversion(_ t: Double) -> Double { t / (1 - t) }
        let tMax = maximum / (1 + maximum)
        var switches: [(aversion: Double, from: Int, to: Int)] = []
        var tLow = 0.0
        var bestLow = best(tLow)
        for i in 1...gridPoints {
            let tHigh = i == gridPoints ? tMax : tMax * Double(i) / Double(gridPoints)
            let bestHigh = best(tHigh)
            if bestHigh != bestLow {
                var (lo, hi, bestAbove) = (tLow, tHigh, bestHigh)
                while aversion(hi) - aversion(lo) > tolerance * max(1, aversion(lo)) {
                    let mid = (lo + hi) / 2
                    guard mid > lo && mid < hi else { break }
                    let bestMid = best(mid)
                    if bestMid == bestLow { lo = mid } else { (hi, bestAbove) = (mid, bestMid) }
                }
                switches.append(((aversion(lo) + aversion(hi)) / 2, bestLow, bestAbove))
            }
            (tLow, bestLow) = (tHigh, bestHigh)
        }
        return switches
    }
}
