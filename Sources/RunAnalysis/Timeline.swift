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

    /// - Parameter scratch: where each draw's running totals are kept year to year (the run's
    ///   work folder for a run kept in column files, so memory does not grow with the draws).
    /// - Throws: `DrawColumnError` when a column file cannot be read or written.
    public init(scenario: Scenario, table: DrawTable, scratch: ScratchSpace? = nil) throws {
        let scratch = scratch ?? table.scratch
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
        options = try (1..<table.optionCount).map { o in
            // each draw's cumulative discounted QALYs and cost against base, carried year to year
            var running: [DrawColumn] = []
            var health: [Interval] = [], cost: [Interval] = [], net: [Interval] = []
            for t in 0..<T {
                let inputs = [table.column(.yearlyQalys, option: o, index: t), table.column(.yearlyQalys, option: 0, index: t),
                              table.column(.yearlyCost, option: o, index: t), table.column(.yearlyCost, option: 0, index: t)] + running
                let (hw, cw) = (healthWeights[t], costWeights[t])
                let year = try scratch.columns(draws: D, from: inputs, outputs: 4) { x, out in
                    let q = (t == 0 ? 0 : x[4]) + (x[0] - x[1]) * hw
                    let c = (t == 0 ? 0 : x[5]) + (x[2] - x[3]) * cw
                    out[0] = q
                    out[1] = c
                    out[2] = perQALY.map { q - c / $0 } ?? q
                    out[3] = q * threshold - c
                }
                running = [year[0], year[1]]
                health.append(try Interval(year[2]))
                cost.append(try Interval(year[1]))
                net.append(try Interval(year[3]))
            }
            return OptionYears(option: table.optionNames[o], health: health, cost: cost, netBenefit: net)
        }
    }
}
