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

extension CostEffectivenessAnalysis {
    /// EVPI at one threshold.
    ///
    /// Rounding in the two means can leave a value a few ulps below 0; it is reported as 0.
    ///
    /// - Parameters:
    ///   - threshold: £ per QALY, finite and ≥ 0.
    ///   - population: people the totals cover (year-0 `Σ N`), finite and > 0.
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` or
    ///   ``EconomicEvaluationError/invalidPopulation(_:)``.
    /// - Complexity: O(options × draws).
    public func valueOfPerfectInformation(
        threshold: Double, population: Double
    ) throws(EconomicEvaluationError) -> ValueOfInformation {
        guard population.isFinite && population > 0 else { throw .invalidPopulation(population) }
        let benefits = try netMonetaryBenefits(threshold: threshold)
        var perfect = 0.0
        for d in 0..<drawCount {
            perfect += benefits.reduce(-Double.infinity) { max($0, $1[d]) }
        }
        perfect /= Double(drawCount)
        let current = benefits.map { $0.reduce(0, +) / Double(drawCount) }.reduce(-Double.infinity, max)
        let evpi = max(0, perfect - current)
        return ValueOfInformation(threshold: threshold, population: evpi, perPerson: evpi / population)
    }
}
