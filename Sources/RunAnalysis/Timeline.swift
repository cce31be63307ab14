import DrawStatistics
import Foundation
import MonteCarlo
import ScenarioModel

/// "What do we gain, and when?": each option's cumulative discounted health, extra cost and net
/// monetary benefit against base by the end of each financial year, as means with 95% intervals
/// over draws (MODEL.md §4), and the year from which it pays back.
///
/// The health figure follows ``HealthHeadline`` so the timeline states the same health as the
/// board table: net of the health the extra spending displaces (`ΔQ − ΔC / per_qaly`, both
/// cumulative and discounted) when the scenario has `equity.opportunity_cost`, else plain ΔQ.
/// The net monetary benefit is `ΔQ · threshold − ΔC` with gross QALYs, as in the board table.
/// Each interval is taken over the draws' cumulative values (not summed from yearly intervals,
/// which would overstate the spread).
public struct Timeline: Sendable {
    /// One option's cumulative figures against base, one entry per year of the horizon.
    public struct OptionYears: Sendable {
        public let option: String
        /// Cumulative discounted health gained, QALYs (net of opportunity cost when the headline is).
        public let health: [Interval]
        /// Cumulative discounted extra cost, £.
        public let cost: [Interval]
        /// Cumulative net monetary benefit at the scenario's threshold, £.
        public let netBenefit: [Interval]

        /// The first year from which the mean cumulative net monetary benefit stays above zero,
        /// or nil when it never does within the horizon (as ``RunDetail/CumulativeBalance``).
        public var paybackYear: Int? {
            guard let last = netBenefit.last, last.mean > 0 else { return nil }
            return (netBenefit.lastIndex { $0.mean <= 0 }).map { $0 + 1 } ?? 0
        }
    }

    /// The scenario's name and the number of draws the intervals are taken over.
    public let scenario: String
    public let draws: Int
    /// Financial-year labels of the horizon (`2026/27`, …), from the scenario's `start_year`.
    public let years: [String]
    public let headline: HealthHeadline
    /// The decision threshold of the net monetary benefit, £ per QALY.
    public let threshold: Double
    /// `equity.opportunity_cost.per_qaly`, £ of spending that displaces one QALY, when set.
    public let opportunityCostPerQALY: Double?
    /// Whether some cohort carries `qalys_after_horizon`: those QALYs count in the run's totals
    /// but belong to no year of the timeline, so its last year falls short of the totals.
    public let hasValueAfterHorizon: Bool
    /// Options other than base, in run order.
    public let options: [OptionYears]

    public init(scenario: Scenario, table: DrawTable) {
        self.scenario = scenario.name
        draws = table.draws
        years = scenario.financialYears
        headline = HealthHeadline(scenario: scenario)
        threshold = scenario.threshold
        opportunityCostPerQALY = scenario.equity.opportunityCost?.perQaly
        hasValueAfterHorizon = scenario.cohorts.contains { $0.qalysAfterHorizon != nil }
        let T = table.horizon, D = table.draws
        let healthWeights = (0..<T).map { 1 / pow(1 + scenario.discount.health, Double($0)) }
        let costWeights = (0..<T).map { 1 / pow(1 + scenario.discount.costs, Double($0)) }
        let perQALY = opportunityCostPerQALY, threshold = threshold
        options = (1..<table.optionCount).map { o in
            var q = [Double](repeating: 0, count: D), c = q
            var health: [Interval] = [], cost: [Interval] = [], net: [Interval] = []
            for t in 0..<T {
                let qalys = table.yearlyQalys(option: o, year: t), baseQalys = table.yearlyQalys(option: 0, year: t)
                let costs = table.yearlyCost(option: o, year: t), baseCosts = table.yearlyCost(option: 0, year: t)
                for d in 0..<D {
                    q[d] += (qalys[d] - baseQalys[d]) * healthWeights[t]
                    c[d] += (costs[d] - baseCosts[d]) * costWeights[t]
                }
                health.append(Interval(perQALY.map { k in zip(q, c).map { $0 - $1 / k } } ?? q))
                cost.append(Interval(c))
                net.append(Interval(zip(q, c).map { $0 * threshold - $1 }))
            }
            return OptionYears(option: table.optionNames[o], health: health, cost: cost, netBenefit: net)
        }
    }
}
