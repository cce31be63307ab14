/// Expected value of perfect information (EVPI) at one threshold (MODEL.md §4, "Economics"): what
/// it would be worth to resolve all parameter uncertainty before choosing an option.
///
///     EVPI(λ) = E_d[ max_o NMB_od ] − max_o E_d[ NMB_od ],   NMB_od = Q_od · λ − C_od,
///
/// the mean over draws of the best option's net benefit in each draw, less the net benefit of the
/// option that is best on average. Net benefit against base gives the same value (subtracting base
/// in every draw cancels). EVPI is ≥ 0, and 0 when one option is best in every draw.
///
/// Because the workbench's QALYs and costs are already discounted totals for the whole population
/// over the scenario's horizon, ``population`` is the raw EVPI (£ for the population over the
/// horizon, with no further multiplication by population or years) and ``perPerson`` divides it
/// by the population given (the scenario's year-0 population `Σ N`).
///
/// References: Claxton K (1999) The irrelevance of inference: a decision-making approach to the
/// stochastic evaluation of health care technologies. J Health Econ 18(3):341–364; Briggs A,
/// Claxton K, Sculpher M (2006) Decision Modelling for Health Economic Evaluation, ch. 7. OUP.
public struct ValueOfInformation: Equatable, Sendable {
    /// Threshold `λ`, £ per QALY.
    public let threshold: Double
    /// EVPI for the population over the horizon (£).
    public let population: Double
    /// EVPI per person (£): ``population`` divided by the population.
    public let perPerson: Double
}

extension ValueOfInformation {
    /// EVPI at threshold `t` of a tally: `E[max_o NMB_o] − max_o E[NMB_o]`, reported as 0 when
    /// rounding in the two means leaves it a few ulps below 0.
    init(_ tally: NetBenefitTally, threshold t: Int, population: Double) {
        let current = tally.expectedNetMonetaryBenefits(t).reduce(-Double.infinity, max)
        let evpi = max(0, tally.expectedBest(t) - current)
        self.init(threshold: tally.thresholds[t], population: evpi, perPerson: evpi / population)
    }
}

extension CostEffectivenessAnalysis {
    /// EVPI at one threshold, from one pass over the draws.
    ///
    /// - Parameters:
    ///   - threshold: £ per QALY, finite and ≥ 0.
    ///   - population: people the totals cover (year-0 `Σ N`), finite and > 0.
    /// - Throws: ``EconomicEvaluationError/invalidPopulation(_:)``, then
    ///   ``EconomicEvaluationError/invalidThreshold(_:requirement:)``;
    ///   ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    /// - Complexity: O(options × draws).
    public func valueOfPerfectInformation(
        threshold: Double, population: Double
    ) throws(EconomicEvaluationError) -> ValueOfInformation {
        try Self.check(population: population)
        try Self.check(threshold: threshold)
        return ValueOfInformation(try NetBenefitTally(self, thresholds: [threshold]), threshold: 0, population: population)
    }

    /// - Throws: ``EconomicEvaluationError/invalidPopulation(_:)`` unless `population` is finite and > 0.
    static func check(population: Double) throws(EconomicEvaluationError) {
        guard population.isFinite && population > 0 else { throw .invalidPopulation(population) }
    }
}
