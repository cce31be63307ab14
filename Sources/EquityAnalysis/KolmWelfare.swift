import DrawStatistics

/// Options ranked by social welfare with the Kolm (absolute) equally distributed equivalent,
/// `W(α) = EDE_α(h) · Σ N_g` with `EDE_α = −(1/α) · ln(Σ p_g e^(−α h_g))` (MODEL.md §4), beside the
/// Atkinson (relative) ranking of ``WelfareRanking``.
///
/// Atkinson's aversion ε is about *ratios* of health (a year counts more for a group with half
/// the health, whatever the level); Kolm's α is about *differences* in years, per year of health
/// (a year counts e^α times more for a group one year worse off). The two can rank options
/// differently when an option changes the gap without changing its ratio, so DCEA tools report
/// both. References: Kolm S-C (1976) Unequal inequalities I. J Econ Theory 12(3):416–442;
/// Cookson R, Griffin S, Norheim OF, Culyer AJ (eds) (2020) Distributional Cost-Effectiveness
/// Analysis, ch. 13 (OUP).
public struct KolmRanking: Equatable, Sendable {
    /// The Kolm absolute inequality aversion α, per unit of health (> 0; may be `.infinity`).
    public let alpha: Double
    /// Welfare `W(α)` of each option, in option order, in QALYs.
    public let welfare: [Interval]
    /// Option indices from highest to lowest mean welfare; ties keep the lower index first.
    public let order: [Int]
}

/// A Kolm aversion α at which the option with the highest mean Kolm welfare changes (the
/// counterpart of ``AversionSwitch``).
public struct KolmSwitch: Equatable, Sendable {
    public let alpha: Double
    /// Best option just below ``alpha``.
    public let from: Int
    /// Best option just above ``alpha``.
    public let to: Int
}

extension DistributionalEvaluation {
    /// Ranks the options (base included) by Kolm social welfare at each α, in one pass over each
    /// option's draws for all α.
    ///
    /// - Throws: ``EquityError/invalidKolmAversion(_:)`` (in draw 0 of base) unless every α > 0;
    ///   `DrawColumnError` when a column file cannot be read or written.
    /// - Complexity: O(α values × options × draws × groups).
    public func kolmRankings(alphas: [Double]) throws -> [KolmRanking] {
        let welfare = try optionNames.indices.map { o in
            try summaries(option: o, count: alphas.count, againstBase: false) { (k: Int, d: HealthDistribution, base: HealthDistribution) throws -> Double in
                try d.kolmEDE(alpha: alphas[k]) * d.totalPopulation
            }
        }
        return alphas.enumerated().map { i, alpha in
            let summaries = welfare.map { $0[i] }
            return KolmRanking(alpha: alpha, welfare: summaries, order: WelfareRanking.order(byMeanWelfare: summaries.map(\.mean)))
        }
    }

    /// Every Kolm aversion in `[0, upTo]` at which the best option changes, in increasing α; the
    /// same grid, bisection and draws (the first ``switchSearchDraws``) as
    /// ``aversionSwitches(upTo:gridPoints:tolerance:)``. At α = 0 the Kolm EDE is the mean (total
    /// health), so the first option is the one ε = 0 picks.
    ///
    /// - Throws: ``EquityError/invalidSearch(_:)`` for bad settings; `DrawColumnError` when a
    ///   column file cannot be read.
    public func kolmAversionSwitches(
        upTo maximum: Double = 100, gridPoints: Int = 1000, tolerance: Double = 1e-9
    ) throws -> [KolmSwitch] {
        let (n, health) = try switchSearchHealth()
        let G = groups.count
        func best(_ t: Double) -> Int {
            let alpha = t / (1 - t)
            let meanWelfare = optionNames.indices.map { o in
                (0..<n).reduce(0.0) { sum, d in
                    let h = health[o][d * G..<(d + 1) * G]
                    let ede = alpha > 0 ? HealthDistribution.kolmEDE(health: h, shares: shares, alpha: alpha)
                        : zip(shares, h).reduce(0) { $0 + $1.0 * $1.1 }
                    return sum + ede * totalPopulation
                } / Double(n)
            }
            return WelfareRanking.order(byMeanWelfare: meanWelfare)[0]
        }
        return try Self.switchPoints(upTo: maximum, gridPoints: gridPoints, tolerance: tolerance) { best($0) }
            .map { KolmSwitch(alpha: $0.aversion, from: $0.from, to: $0.to) }
    }
}
