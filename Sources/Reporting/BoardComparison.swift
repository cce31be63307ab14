import DrawStatistics
import RunAnalysis

/// The board's comparison of options (`phm compare`, and the top of every report): one row per
/// option with total health gain, cost, net monetary benefit, change in inequality, the chance
/// of a win–win and the option's rank under each ethical stance, then one plain sentence per
/// option. Every number is read from a ``RunSummary`` (so it equals `summary.json`); nothing
/// is recomputed.
public struct BoardComparison: Codable, Sendable {
    /// An ethical stance: how much weight health gains to the worse off get (Atkinson ε).
    public struct Stance: Codable, Sendable {
        /// Key of ``RunSummary/rankByEpsilon`` and ``Equity/rankByEpsilon``: "0", "1", "2", "10", "inf".
        public let epsilon: String
        public let name: String
    }

    /// The stances shown, from greatest total benefit to the worst-off first.
    public static let stances = [
        Stance(epsilon: "0", name: "greatest total benefit (ε = 0)"),
        Stance(epsilon: "1", name: "moderate (ε = 1)"),
        Stance(epsilon: "2", name: "moderate (ε = 2)"),
        Stance(epsilon: "10", name: "strong (ε = 10)"),
        Stance(epsilon: "inf", name: "worst-off first (maximin)"),
    ]

    public struct Row: Codable, Sendable {
        public let option: String
        public let description: String
        /// Change in total health against base, net of opportunity cost where set (QALYs).
        public let healthGain: Interval?
        /// Incremental discounted cost against base (£).
        public let cost: Interval?
        /// Net monetary benefit against base at the threshold (£).
        public let nmb: Interval?
        /// Change in the gap between the most and least deprived groups (negative = narrower).
        public let gapChange: Interval?
        /// Change in the slope index of inequality (negative = flatter).
        public let siiChange: Interval?
        /// Share of draws with more health and less inequality (|SII|) than base.
        public let probabilityWinWin: Double?
        /// Share of draws in which the option has the highest net monetary benefit.
        public let probabilityCostEffective: Double
        /// Rank (1 = best) under each stance, keyed by ε as in ``BoardComparison/stances``.
        public let ranks: [String: Int]
    }

    public let scenario: String
    public let draws: Int
    public let seed: UInt64
    public let horizon: Int
    public let threshold: Double
    public let groups: [String]
    /// Whether health gains are net of the health displaced by extra cost (the run's
    /// ``RunSummary/healthHeadline``, kept here so `--format json` shows it).
    public let netOfOpportunityCost: Bool
    public let rows: [Row]
    /// One sentence per option other than base, in row order.
    public let sentences: [String]
    /// Inequality aversions at which the best option changes.
    public let switches: [AversionChange]

    public init(_ summary: RunSummary) {
        scenario = summary.scenario
        draws = summary.draws
        seed = summary.seed
        horizon = summary.horizon
        threshold = summary.threshold
        groups = summary.groups
        netOfOpportunityCost = summary.healthHeadline.isNet
        rows = summary.options.map { option in
            let isBase = option.incremental == nil
            return Row(
                option: option.name, description: option.description,
                healthGain: option.incremental?.netHealth, cost: option.incremental?.cost,
                nmb: isBase ? nil : option.economics.nmb,
                gapChange: option.equity.gapChange, siiChange: option.equity.siiChange,
                probabilityWinWin: option.equity.impactPlane?.winWin,
                probabilityCostEffective: option.economics.probabilityCostEffective,
                ranks: Dictionary(uniqueKeysWithValues: Self.stances.compactMap { stance in
                    option.equity.rankByEpsilon[stance.epsilon].map { (stance.epsilon, $0) }
                }))
        }
        sentences = summary.options.filter { $0.incremental != nil }.map { OptionSentence.text($0, in: summary) }
        switches = summary.aversionSwitches
    }

    /// The best option under a stance (rank 1), if the run has that stance.
    public func best(under epsilon: String) -> String? {
        rows.first { $0.ranks[epsilon] == 1 }?.option
    }
}
