import DrawStatistics

/// Options ranked by social welfare at one level of inequality aversion (MODEL.md §4).
///
/// Social welfare is the Atkinson equally distributed equivalent health times the population,
/// `W(ε) = EDE_ε(h) · Σ N_g`: at ε = 0 it is total health (the cost-effectiveness ranking); as ε
/// grows it counts the worse-off groups more, and at ε = ∞ only the worst-off group. Options are
/// ranked by mean welfare over draws (the expected-value decision rule under uncertainty).
///
/// Reference: Asaria M, Griffin S, Cookson R (2016) Distributional cost-effectiveness analysis: a
/// tutorial. Med Decis Making 36(1):8–19.
public struct WelfareRanking: Equatable, Sendable {
    /// The Atkinson inequality aversion ε (may be `.infinity`).
    public let epsilon: Double
    /// Welfare `W(ε)` of each option, in option order, in QALYs.
    public let welfare: [Interval]
    /// Option indices from highest to lowest mean welfare; ties keep the lower index first.
    public let order: [Int]

    /// The option with the highest mean welfare.
    public var best: Int { order[0] }

    /// Ranks options by mean welfare, ties broken towards the lower option index (base first).
    static func order(byMeanWelfare means: [Double]) -> [Int] {
        means.indices.sorted { means[$0] > means[$1] || (means[$0] == means[$1] && $0 < $1) }
    }
}

extension DistributionalEvaluation {
    /// The inequality aversions of MODEL.md §4: `{0, 0.5, 1, 2, 5, 10, ∞}`.
    public static let standardAversions: [Double] = [0, 0.5, 1, 2, 5, 10, .infinity]

    /// Ranks the options (base included) by social welfare at each ε, in one pass over each
    /// option's draws for all ε.
    ///
    /// - Parameter epsilons: Atkinson inequality aversions, each ≥ 0; ``standardAversions`` by default.
    /// - Throws: ``EquityError/invalidAtkinsonAversion(_:)``, or
    ///   ``EquityError/inDraw(option:draw:_:)`` wrapping ``EquityError/nonPositiveHealth(group:value:)``
    ///   when some option leaves a group with health ≤ 0 in some draw; `DrawColumnError` when a
    ///   column file cannot be read or written.
    /// - Complexity: O(ε values × options × draws × groups).
    public func welfareRankings(epsilons: [Double] = standardAversions) throws -> [WelfareRanking] {
        if let bad = epsilons.first(where: { !($0 >= 0) }) { throw EquityError.invalidAtkinsonAversion(bad) }
        let welfare = try optionNames.indices.map { o in
            try summaries(option: o, count: epsilons.count, againstBase: false) { (k: Int, d: HealthDistribution, base: HealthDistribution) throws -> Double in
                try d.atkinsonEDE(epsilon: epsilons[k]) * d.totalPopulation
            }
        }
        return epsilons.enumerated().map { i, epsilon in
            let summaries = welfare.map { $0[i] }
            return WelfareRanking(epsilon: epsilon, welfare: summaries,
                                  order: WelfareRanking.order(byMeanWelfare: summaries.map(\.mean)))
        }
    }
}
