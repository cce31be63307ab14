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
    /// The most draws the aversion-switch searches use: the first `min(drawCount, 100,000)`.
    ///
    /// A search evaluates mean welfare over its draws at about a thousand aversions, so it holds
    /// the final health of every option in those draws and its time grows with them. Above this
    /// many draws the switch point's Monte Carlo error is far larger than what more draws would
    /// change, so the cap keeps a 10-million-draw run's memory bounded and its search fast. Draws
    /// are numbered in the whole run, so a run split into shards and merged uses the same draws.
    public static let switchSearchDraws = 100_000

    /// Every inequality aversion in `[0, upTo]` at which the best option changes, in increasing ε
    /// (empty when one option is best throughout), by mean welfare over the first
    /// ``switchSearchDraws`` draws (all of them in smaller runs).
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
    ///   ``welfareRankings(epsilons:)`` when some health in the searched draws is ≤ 0.
    /// - Complexity: O((gridPoints + switches × log(1/tolerance)) × options × n × groups) time and
    ///   O(options × n × groups) memory, n = min(draws, ``switchSearchDraws``).
    public func aversionSwitches(
        upTo maximum: Double = 100, gridPoints: Int = 1000, tolerance: Double = 1e-9
    ) throws -> [AversionSwitch] {
        let (n, health) = try switchSearchHealth()
        let G = groups.count
        // Check h > 0 once (with option and draw in any error), then reuse log health at every ε.
        for (o, name) in optionNames.enumerated() {
            for d in 0..<n {
                for g in groups.indices where health[o][d * G + g] <= 0 {
                    throw EquityError.inDraw(option: name, draw: d, .nonPositiveHealth(group: groups[g], value: health[o][d * G + g]))
                }
            }
        }
        let logHealth = health.map { $0.map { Foundation.log($0) } }
        func epsilon(_ t: Double) -> Double { t / (1 - t) }
        func best(_ t: Double) -> Int {
            let meanWelfare = optionNames.indices.map { o in
                (0..<n).reduce(0.0) { sum, d in
                    let r = d * G..<(d + 1) * G
                    let ede = HealthDistribution.atkinsonEDE(health: health[o][r], logHealth: logHealth[o][r],
                                                             shares: shares, epsilon: epsilon(t))
                    return sum + ede * totalPopulation
                } / Double(n)
            }
            return WelfareRanking.order(byMeanWelfare: meanWelfare)[0]
        }
        return try Self.switchPoints(upTo: maximum, gridPoints: gridPoints, tolerance: tolerance) { t in best(t) }
            .map { AversionSwitch(epsilon: $0.aversion, from: $0.from, to: $0.to) }
    }

    /// The number of draws the switch searches use and every option's final health in them,
    /// `health[option][draw · groups + group]`.
    func switchSearchHealth() throws -> (draws: Int, health: [[Double]]) {
        let n = min(drawCount, Self.switchSearchDraws)
        let health = try optionNames.indices.map { o in
            var values: [Double] = []
            values.reserveCapacity(n * groups.count)
            try forEachDistribution(option: o, draws: 0..<n) { _, distribution in values.append(contentsOf: distribution.health) }
            return values
        }
        return (n, health)
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
