import RunAnalysis

/// What `phm equity --json` prints: per option, the groups and the equity block of summary.json,
/// then the rankings by Atkinson ε and Kolm α (welfare keyed by option name) and where the best
/// option changes, with a definition of every key so that the file explains itself.
public struct EquityReport: Encodable {
    public struct Option: Encodable {
        public let name: String
        public let groups: [GroupSummary]
        public let equity: RunAnalysis.Equity
    }

    public let scenario: String
    public let inequalityAxis: String
    public let groups: [String]
    public let options: [Option]
    public let rankByEpsilon: [EpsilonRanking]
    public let aversionSwitches: [AversionChange]
    public let rankByAlpha: [AlphaRanking]
    public let kolmAversionSwitches: [KolmAversionChange]
    /// What each key means, with its units (keys as written in the JSON).
    public let definitions: [String: String]

    public init(_ summary: RunSummary) {
        scenario = summary.scenario
        inequalityAxis = summary.inequalityAxis
        groups = summary.groups
        options = summary.options.map { Option(name: $0.name, groups: $0.groups, equity: $0.equity) }
        rankByEpsilon = summary.rankByEpsilon
        aversionSwitches = summary.aversionSwitches
        rankByAlpha = summary.rankByAlpha
        kolmAversionSwitches = summary.kolmAversionSwitches
        definitions = Self.definitions
    }

    static let definitions: [String: String] = [
        "health": "each group's final health h_g: equity.baseline_health plus the option's net QALYs gained per person, or without baseline_health the discounted QALYs per person",
        "ede": "Atkinson equally distributed equivalent health by relative inequality aversion ε: (Σ p_g h_g^(1−ε))^(1/(1−ε)), the level of health that, shared equally, is as good as the actual distribution",
        "kolm_ede": "Kolm equally distributed equivalent health by absolute inequality aversion α (per unit of health): −(1/α)·ln(Σ p_g e^(−α h_g))",
        "atkinson": "Atkinson index 1 − EDE/mean: the share of mean health society would give up for equality",
        "kolm": "Kolm index mean − Kolm EDE: the health per person society would give up for equality",
        "rank_by_epsilon": "options ranked by social welfare W = Atkinson EDE × population (QALYs) at each ε; welfare keyed by option name",
        "rank_by_alpha": "options ranked by social welfare W = Kolm EDE × population (QALYs) at each α; welfare keyed by option name",
        "ede_change_times_population": "against base, per ε: (EDE(option) − EDE(base)) × population, QALYs, mean and 95% interval over draws: the equity-weighted health gain of the York DCEA tools (at ε = 0, the change in total health)",
        "kolm_ede_change_times_population": "the same per Kolm α",
        "aversion_switches": "Atkinson ε at which the best option changes (searched from 0 to 100)",
        "kolm_aversion_switches": "Kolm α at which the best option changes (searched from 0 to 100)",
    ]
}
