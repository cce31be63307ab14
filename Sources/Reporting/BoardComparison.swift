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
        /// Change in total QALYs before any opportunity cost (equal to ``healthGain`` when gross).
        public let grossHealthGain: Interval?
        /// Change in deaths over the horizon, in total and in the most deprived group.
        public let deaths: Interval?
        public let deathsMostDeprived: Interval?
        /// Change in unmet demand over the horizon, all services (units of activity).
        public let unmet: Interval?
        /// Change in the most deprived group's unmet demand, all services (units of activity).
        public let unmetMostDeprived: Interval?
        /// The warning when the option's health gain comes with more deaths or more unmet demand
        /// in more than half the draws (``HarmSentence``); nil otherwise.
        public let warning: String?
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
        /// `frontier`, `dominated` or `extendedly_dominated` on the efficiency frontier.
        public let frontierStatus: String
        /// Incremental ICER along the frontier (£/QALY) and the option it is measured against.
        public let icer: Double?
        public let icerComparator: String?
        /// Share of draws with a positive net monetary benefit against base at the threshold; nil for base.
        public let probabilityCostEffectiveVersusBase: Double?
        /// Share of draws in which the option has the highest net monetary benefit of all options.
        public let probabilityBestValue: Double
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
    /// Whether group health is a healthy life expectancy (gap changes in days), and today's gap.
    public let healthIsExpectancy: Bool
    public let todayGap: Double?
    /// £ of spending that displaces one QALY elsewhere, behind the net figures; nil when gross.
    public let opportunityCostPerQaly: Double?
    public let rows: [Row]
    /// One sentence per option other than base, in row order, each after the option's warning
    /// (``warnings``) when it has one.
    public let sentences: [String]
    /// The warning of each option that has one (``Row/warning``), in row order.
    public let warnings: [String]
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
        opportunityCostPerQaly = summary.opportunityCostPerQaly
        healthIsExpectancy = summary.healthIsExpectancy ?? false
        todayGap = summary.options.first?.equity.gap.mean
        rows = summary.options.map { option in
            let isBase = option.incremental == nil
            return Row(
                option: option.name, description: option.description,
                healthGain: option.incremental?.netHealth, grossHealthGain: option.incremental?.qalys,
                deaths: option.incremental?.deaths,
                deathsMostDeprived: isBase ? nil : option.groups.first?.incrementalDeaths,
                unmet: option.harms?.unmet, unmetMostDeprived: option.harms?.groupUnmet.first?.change, warning: HarmSentence.text(option, in: summary),
                cost: option.incremental?.cost,
                nmb: isBase ? nil : option.economics.nmb,
                gapChange: option.equity.gapChange, siiChange: option.equity.siiChange,
                probabilityWinWin: option.equity.impactPlane?.winWin,
                frontierStatus: option.economics.frontierStatus,
                icer: option.economics.icer, icerComparator: option.economics.icerComparator,
                probabilityCostEffectiveVersusBase: option.economics.probabilityCostEffectiveVersusBase,
                probabilityBestValue: option.economics.probabilityBestValue,
                ranks: Dictionary(uniqueKeysWithValues: Self.stances.compactMap { stance in
                    option.equity.rankByEpsilon[stance.epsilon].map { (stance.epsilon, $0) }
                }))
        }
        warnings = rows.compactMap(\.warning)
        sentences = zip(summary.options, rows).filter { $0.0.incremental != nil }.map { option, row in
            [row.warning, OptionSentence.text(option, in: summary)].compactMap { $0 }.joined(separator: " ")
        }
        switches = summary.aversionSwitches
    }

    /// ``sentences`` with each warning in bold (`**…**`), for Markdown and HTML.
    public var boldSentences: [String] {
        sentences.map { sentence in
            guard let warning = warnings.first(where: { sentence.hasPrefix($0) }) else { return sentence }
            return HarmSentence.markdown(warning) + sentence.dropFirst(warning.count)
        }
    }

    /// The gap in the units a board reads (days of healthy life when health is an expectancy).
    var gapWords: GapWords { GapWords(isExpectancy: healthIsExpectancy, today: todayGap, horizon: horizon) }

    /// The best option under a stance (rank 1), if the run has that stance.
    public func best(under epsilon: String) -> String? {
        rows.first { $0.ranks[epsilon] == 1 }?.option
    }
}
