import DrawStatistics

/// Everything `phm run` reports (MODEL.md §4), as plain values that encode to `summary.json`.
///
/// Built by ``RunSummary/init(scenario:table:settings:)`` from the draws; Reporting writes it
/// and the CLI renders it, so the numbers in every table are the numbers in the file.
public struct RunSummary: Codable, Sendable {
    public let scenario: String
    public let draws: Int
    public let seed: UInt64
    public let deterministic: Bool
    public let horizon: Int
    /// Calendar year in which year 0 (the financial year `2026/27` for 2026) begins: the
    /// scenario's `start_year`. Optional so that folders written before it was kept still read.
    public let startYear: Int?
    /// Whether group health is a healthy life expectancy (`equity.baseline_health`, years of
    /// quality-adjusted life expectancy), so that changes in the gap read as days of healthy life.
    public let healthIsExpectancy: Bool?
    /// £ per QALY used for net monetary benefit.
    public let threshold: Double
    /// Equity groups (levels of `equity.dimension`), most deprived first.
    public let groups: [String]
    /// The inequality measure on the impact plane's axis.
    public let inequalityAxis: String
    /// Whether health gains are net of opportunity cost: the one place every report reads it.
    public let healthHeadline: HealthHeadline
    /// £ of extra spending that displaces one QALY elsewhere (`equity.opportunity_cost.per_qaly`),
    /// the rate behind net health; nil when the scenario sets none (and health is gross).
    public let opportunityCostPerQaly: Double?
    public let options: [OptionSummary]
    /// Options ranked by social welfare at each inequality aversion ε (MODEL.md §4).
    public let rankByEpsilon: [EpsilonRanking]
    /// Inequality aversions at which the best option changes, lowest first.
    public let aversionSwitches: [AversionChange]
    /// Options ranked by Kolm (absolute) social welfare at each aversion α (MODEL.md §4).
    public let rankByAlpha: [AlphaRanking]
    /// Kolm aversions α at which the best option changes, lowest first.
    public let kolmAversionSwitches: [KolmAversionChange]
    /// The draws the switch points were searched on when fewer than the run's (the first ones,
    /// above `DistributionalEvaluation.switchSearchDraws`; docs/MODEL-NOTES.md); absent otherwise.
    public var switchSearchDraws: Int?
    public let acceptability: Acceptability
    /// Expected value of perfect information at the threshold.
    public let evpi: Evpi
}

public struct OptionSummary: Codable, Sendable {
    public let name: String
    public let description: String
    /// Whether the option only moves money between budget lines (`shift`, no `budgets:` and no
    /// `set` of a budget): its total budget is base's, so spending less than base means money
    /// left unspent on a line, not a saving decided by the option.
    public let budgetNeutral: Bool?
    /// Discounted QALYs over the horizon, whole population, with the value after the horizon.
    public let qalys: Interval
    /// The part of ``qalys`` survivors carry past the horizon (MODEL.md §2).
    public let qalysAfterHorizon: Interval
    /// Discounted cost over the horizon (£).
    public let cost: Interval
    /// Deaths over the horizon (undiscounted).
    public let deaths: Interval
    /// Life-years over the horizon, `Σ_t N[t]` (undiscounted).
    public let lifeYears: Interval
    public let groups: [GroupSummary]
    public let services: [ServiceSummary]
    /// Against base; absent for base itself.
    public let incremental: Increment?
    public let economics: Economics
    public let equity: Equity
    /// Against base (absent for base itself): changes in deaths and unmet demand, and whether
    /// they warrant a warning beside the option's health gain.
    public let harms: Harms?
}

public struct GroupSummary: Codable, Sendable {
    public let name: String
    /// Year-0 population (mean over draws).
    public let population: Double
    public let qalys: Interval
    public let deaths: Interval
    public let lifeYears: Interval
    /// Against base (absent for base itself): change in the group's deaths and life-years.
    public let incrementalDeaths: Interval?
    public let incrementalLifeYears: Interval?
    /// Final health h_g (MODEL.md §4): baseline plus net gain per person.
    public let health: Interval
    /// Net QALY gain against base, net of displaced health when `opportunity_cost` is set.
    public let netGain: Interval
}

public struct ServiceSummary: Codable, Sendable {
    public let name: String
    public let activity: Interval
    public let unmet: Interval
}

public struct Increment: Codable, Sendable {
    public let qalys: Interval
    public let cost: Interval
    public let deaths: Interval
    public let lifeYears: Interval
    /// Change in total health net of health displaced by extra cost (DCEA), QALYs.
    public let netHealth: Interval
}

public struct Economics: Codable, Sendable {
    /// ICER against the previous option on the efficiency frontier (£/QALY); null when the option
    /// is not on the frontier or is its first (cheapest) point.
    public let icer: Double?
    /// `frontier`, `dominated` or `extendedly_dominated` (dampack's ND, D and ED).
    public let frontierStatus: String
    /// Name of the frontier option the ICER is measured against.
    public let icerComparator: String?
    /// Against base: ΔC/ΔQ with its quadrant (e.g. "£12,400 per QALY gained", "dominant").
    public let icerVersusBase: String
    public let icerVersusBaseValue: Double?
    /// Net monetary benefit against base at the threshold, £.
    public let nmb: Interval
    /// Net health benefit against base at the threshold, QALYs.
    public let nhb: Interval
    /// Probability of being cost-effective against base at the threshold (pairwise CEAC, BCEA's
    /// `ceac`): share of draws with NMB > 0 against base. `null` for base, the comparator.
    public let probabilityCostEffectiveVersusBase: Double?
    /// Probability of being the best value among all options at the threshold (multi-option CEAC):
    /// share of draws in which the option has the highest net monetary benefit.
    public let probabilityBestValue: Double
    public let evpi: Evpi
}

public struct Evpi: Codable, Sendable {
    /// £ for the population over the horizon.
    public let population: Double
    /// £ per person (divided by the year-0 population).
    public let perPerson: Double
}

public struct Equity: Codable, Sendable {
    public let gap: Interval
    public let relativeGap: Interval
    public let sii: Interval
    public let rii: Interval
    public let concentration: Interval
    /// Atkinson index by ε ("0.5", "1", "2", "5", "10").
    public let atkinson: [String: Interval]
    /// Equally distributed equivalent health by ε ("0", "0.5", …, "10", "inf").
    public let ede: [String: Interval]
    /// Kolm absolute inequality index by α ("0.1", "0.5", "1"), in units of health per person.
    public let kolm: [String: Interval]
    /// Kolm equally distributed equivalent health by α (keys as in ``kolm``): `μ − kolm`.
    public let kolmEde: [String: Interval]
    /// Rank (1 = best) of this option by social welfare at each ε (keys as in ``ede``).
    public let rankByEpsilon: [String: Int]
    /// Rank (1 = best) of this option by Kolm social welfare at each α (keys as in ``kolm``).
    public let rankByAlpha: [String: Int]
    /// Against base, per ε: the change in social welfare, `(EDE_ε(option) − EDE_ε(base)) ×
    /// population` in QALYs (the headline of the York DCEA tools: a population's health gain
    /// weighted for equity); at ε = 0 it is the change in total health.
    public let edeChangeTimesPopulation: [String: Interval]?
    /// The same per Kolm α: `(EDE_α(option) − EDE_α(base)) × population`, QALYs.
    public let kolmEdeChangeTimesPopulation: [String: Interval]?
    /// Against base: change in the gap and in the SII (negative = narrower).
    public let gapChange: Interval?
    public let siiChange: Interval?
    /// Share of draws in each quadrant of the equity–efficiency impact plane against base.
    public let impactPlane: ImpactShares?
}

public struct ImpactShares: Codable, Sendable {
    public let winWin: Double
    public let moreHealthMoreInequality: Double
    public let lessHealthLessInequality: Double
    public let loseLose: Double
    public let onAxis: Double
}

public struct EpsilonRanking: Codable, Sendable {
    /// "0", "0.5", …, "inf".
    public let epsilon: String
    /// Option names from best to worst by mean social welfare.
    public let order: [String]
    /// Mean social welfare W(ε) = Atkinson EDE × population of each option, QALYs, keyed by option name.
    public let welfare: [String: Double]
}

public struct AlphaRanking: Codable, Sendable {
    /// "0.1", "0.5", "1": Kolm absolute aversion α, per unit of health.
    public let alpha: String
    /// Option names from best to worst by mean Kolm social welfare.
    public let order: [String]
    /// Mean social welfare W(α) = Kolm EDE × population of each option, QALYs, keyed by option name.
    public let welfare: [String: Double]
}

public struct KolmAversionChange: Codable, Sendable {
    public let alpha: Double
    public let from: String
    public let to: String
}

public struct AversionChange: Codable, Sendable {
    public let epsilon: Double
    public let from: String
    public let to: String
}

/// The curves over the threshold grid (MODEL.md §4, "Economics"), each named for what it means.
public struct Acceptability: Codable, Sendable {
    /// £ per QALY.
    public let thresholds: [Double]
    /// Probability each option is the best value among all options, `[option][threshold]`.
    public let probabilityBestValue: [[Double]]
    /// Probability each option is cost-effective against base, `[option][threshold]`; `null` for base.
    public let probabilityCostEffectiveVersusBase: [[Double]?]
    /// The option with the highest expected net benefit at each threshold (the CEAF's option).
    public let frontier: [String]
    /// The acceptability frontier (CEAF): the probability that the frontier option is the best value.
    public let frontierProbability: [Double]
    /// EVPI at each threshold, £ for the population over the horizon.
    public let evpiPopulation: [Double]
    /// EVPI at each threshold, £ per person (year-0 population).
    public let evpiPerPerson: [Double]

    private enum CodingKeys: String, CodingKey {
        case thresholds, probabilityBestValue, frontier, frontierProbability, evpiPopulation, evpiPerPerson
        case probabilityCostEffectiveVersusBase = "probabilityCostEffectiveVsBase"
    }
}

extension Economics {
    private enum CodingKeys: String, CodingKey {
        case icer, frontierStatus, icerComparator, icerVersusBase, icerVersusBaseValue, nmb, nhb
        // "vs", as health economists write it; snake_case turns this into `probability_cost_effective_vs_base`.
        case probabilityCostEffectiveVersusBase = "probabilityCostEffectiveVsBase"
        case probabilityBestValue, evpi
    }

    /// Writes the optional ratios as `null` rather than leaving them out, so every option in
    /// `summary.json` has the same keys (readers look for `economics.icer` on every option).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(icer, forKey: .icer)
        try container.encode(frontierStatus, forKey: .frontierStatus)
        try container.encode(icerComparator, forKey: .icerComparator)
        try container.encode(icerVersusBase, forKey: .icerVersusBase)
        try container.encode(icerVersusBaseValue, forKey: .icerVersusBaseValue)
        try container.encode(nmb, forKey: .nmb)
        try container.encode(nhb, forKey: .nhb)
        try container.encode(probabilityCostEffectiveVersusBase, forKey: .probabilityCostEffectiveVersusBase)
        try container.encode(probabilityBestValue, forKey: .probabilityBestValue)
        try container.encode(evpi, forKey: .evpi)
    }
}
