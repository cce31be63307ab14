/// The scenario language as data: every key, whether it is required, what it holds and what it
/// means. The loader checks keys against these tables and `phm schema` turns the same tables
/// into a JSON Schema, so the two can never disagree.
public indirect enum ValueKind: Sendable {
    case number(minimum: Double?, maximum: Double?)
    case integer(minimum: Int, maximum: Int)
    case string(pattern: String?)
    case choice([String])
    /// A number or a distribution `{dist: …}`.
    case quantity
    /// A quantity or `{base, multiply, by_cohort}` (MODEL.md §1 "Values").
    case cohortQuantity
    /// A quantity, or a list of `horizon` quantities (year 0 first).
    case yearly
    case object(ObjectSpec)
    /// A mapping whose keys are names the user chooses (needs, services, …).
    case namedMap(ValueKind, keyDescription: String)
    case list(ValueKind)
    case nullable(ValueKind)
    case oneOf([ValueKind])
    /// A mapping whose keys are the levels of a dimension, or names, to numbers.
    case numberMap(keyDescription: String)
    /// `true` or `false`.
    case boolean
}

/// One key of an object.
public struct KeySpec: Sendable {
    public let name: String
    public let required: Bool
    public let summary: String
    public let kind: ValueKind

    init(_ name: String, required: Bool = false, _ summary: String, _ kind: ValueKind) {
        self.name = name
        self.required = required
        self.summary = summary
        self.kind = kind
    }
}

/// The keys an object may hold.
public struct ObjectSpec: Sendable {
    public let name: String
    public let summary: String
    public let keys: [KeySpec]
    /// Whether keys outside ``keys`` are allowed (cohort rows carry one key per dimension).
    public let openKeys: Bool

    init(_ name: String, _ summary: String, openKeys: Bool = false, _ keys: [KeySpec]) {
        self.name = name
        self.summary = summary
        self.keys = keys
        self.openKeys = openKeys
    }

    public var keyNames: [String] { keys.map(\.name) }
    public var requiredKeys: [String] { keys.filter(\.required).map(\.name) }
}

/// The tables of the scenario language (MODEL.md §1 and docs/MODEL-NOTES.md).
public enum ScenarioSchema {
    static let share = ValueKind.number(minimum: 0, maximum: 1)
    static let nonNegative = ValueKind.number(minimum: 0, maximum: nil)

    public static let discount = ObjectSpec("discount", "Yearly discount rates; year t weighs 1/(1+r)^t.", [
        KeySpec("costs", "Discount rate for costs (NICE: 0.035).", .number(minimum: 0, maximum: 1)),
        KeySpec("health", "Discount rate for QALYs (NICE: 0.035).", .number(minimum: 0, maximum: 1)),
    ])

    public static let monteCarlo = ObjectSpec("monte_carlo", "Settings of the Monte Carlo run.", [
        KeySpec("draws", "Number of draws (overridden by --draws).", .integer(minimum: 1, maximum: 10_000_000)),
        KeySpec("seed", "Seed of the counter-based random streams (overridden by --seed).", .integer(minimum: 0, maximum: Int.max)),
        KeySpec("stochastic", "Count noise: `none`, or `poisson` to draw demand counts.", .choice(["none", "poisson"])),
    ])

    public static let opportunityCost = ObjectSpec("opportunity_cost", "Health displaced by extra spending (DCEA).", [
        KeySpec("per_qaly", required: true, "£ of spending that displaces one QALY (e.g. 13000, Claxton et al. 2015).", .number(minimum: 0, maximum: nil)),
        KeySpec("shares", required: true, "Share of displaced health borne by each equity group; sums to 1.", .numberMap(keyDescription: "equity group")),
    ])

    public static let equity = ObjectSpec("equity", "Equity groups and their baseline health.", [
        KeySpec("dimension", "Dimension whose levels are the equity groups, most deprived first.", .string(pattern: nil)),
        KeySpec("baseline_health", "Baseline health by group, e.g. quality-adjusted life expectancy.", .numberMap(keyDescription: "equity group")),
        KeySpec("opportunity_cost", "Distributional opportunity cost of extra spending.", .object(opportunityCost)),
    ])

    public static let cohortRow = ObjectSpec("cohort", "One cohort: a level for every dimension, and its people.", openKeys: true, [
        KeySpec("population", required: true, "Year-0 population N[c,0].", .quantity),
        KeySpec("utility", required: true, "Utility of a person-year without any modelled need.", .quantity),
        KeySpec("growth", "Yearly population growth rate net of births, migration and deaths the scenario does not model (default 0).", .quantity),
        KeySpec("qalys_after_horizon", "Discounted QALYs each person alive at the end of the horizon can still expect, valued at year T (default 0).", .quantity),
    ])

    public static let cohortTable = ObjectSpec("cohorts", "Cohorts read from a CSV file.", [
        KeySpec("table", required: true, "CSV file relative to the scenario; header: dimensions, population, utility[, growth][, qalys_after_horizon].", .string(pattern: nil)),
    ])

    public static let need = ObjectSpec("need", "A health need carried by a stock of people (MODEL.md §2).", [
        KeySpec("prevalence", required: true, "π[c,k]: share of the cohort with the need in year 0.", .cohortQuantity),
        KeySpec("exit_rate", "ρ: share of people with the need who leave the stock each year.", .quantity),
        KeySpec("incidence", "ι[c,k]: yearly incidence among people without the need; null = the steady state given exits, deaths and progression.", .nullable(.cohortQuantity)),
        KeySpec("utility_loss", "δ: QALYs lost per person-year with the need.", .quantity),
        KeySpec("excess_deaths", "m[c,k]: deaths per person-year with the need (0 to 1); they leave the population.", .cohortQuantity),
        KeySpec("progression", "θ: share of people with the need who move to another need each year, by need (0 to 1).", .namedMap(.quantity, keyDescription: "need")),
        KeySpec("use", "u: units of each service used per person with the need per year.", .namedMap(.quantity, keyDescription: "service")),
    ])

    public static let service = ObjectSpec("service", "A service whose budget buys capacity at a unit cost.", [
        KeySpec("unit_cost", required: true, "£ per unit of activity.", .quantity),
        KeySpec("budget", required: true, "£ per year: one value, or a list of `horizon` values.", .yearly),
        KeySpec("base_rate", "b[c,s]: need-independent units per person per year.", .cohortQuantity),
        KeySpec("access", "a[c,s]: share of need-driven demand that is expressed (default 1).", .cohortQuantity),
        KeySpec("supply_elasticity", "η: elasticity of demand to capacity against the base option.", .quantity),
        KeySpec("carryover", "β: share of unmet demand that returns the next year.", .quantity),
        KeySpec("qaly_loss_per_unmet", "λ: QALYs lost per unit of unmet demand.", .quantity),
        KeySpec("deaths_per_unmet", "μ: deaths per unit of unmet demand.", .quantity),
    ])

    public static let effects = ObjectSpec("effects", "What one participant changes.", [
        KeySpec("incidence", "Relative reduction of incidence among participants, by need.", .namedMap(.quantity, keyDescription: "need")),
        KeySpec("demand", "Units avoided per participant per year, by service.", .namedMap(.quantity, keyDescription: "service")),
        KeySpec("access", "Share of the access shortfall closed for participants, by service.", .namedMap(.quantity, keyDescription: "service")),
        KeySpec("mortality", "Relative reduction of a need's excess deaths among participants (0 to 1), by need.", .namedMap(.quantity, keyDescription: "need")),
        KeySpec("progression", "Relative reduction of progression out of a need among participants (0 to 1), by need.", .namedMap(.quantity, keyDescription: "need")),
        KeySpec("qaly_per_participant", "QALYs gained per participant.", .quantity),
    ])

    public static let intervention = ObjectSpec("intervention", "A funded programme (MODEL.md §2 Interventions).", [
        KeySpec("targets", "Cohort filter {dimension: [levels]}; omitted = every cohort.", .namedMap(.list(.string(pattern: nil)), keyDescription: "dimension")),
        KeySpec("eligible", "`population` or `need:NAME`.", .string(pattern: "^(population|need:.+)$")),
        KeySpec("cost_per_participant", required: true, "£ per participant.", .quantity),
        KeySpec("fixed_cost", "£ per year while funded.", .quantity),
        KeySpec("uptake", "Share of eligible people reachable at full funding (default 1).", .cohortQuantity),
        KeySpec("budget", required: true, "£ per year: one value, or a list of `horizon` values.", .yearly),
        KeySpec("lag", "L: whole years before any effect.", .integer(minimum: 0, maximum: 100)),
        KeySpec("ramp", "R: whole years from first effect to full effect (0 = at once).", .integer(minimum: 0, maximum: 100)),
        KeySpec("effects", "Effects per participant.", .object(effects)),
    ])

    public static let shift = ObjectSpec("shift", "Money moved every year between budget lines.", [
        KeySpec("from", required: true, "Service or intervention that gives the money.", .string(pattern: nil)),
        KeySpec("to", required: true, "Service or intervention that receives it.", .string(pattern: nil)),
        KeySpec("amount", required: true, "£ per year: one value, or a list of `horizon` values.", .yearly),
    ])

    public static let option = ObjectSpec("option", "A named variant of the scenario; `base` is implicit.", [
        KeySpec("description", "One line for reports.", .string(pattern: nil)),
        KeySpec("shift", "Budget moves, applied after `set`.", .list(.object(shift))),
        KeySpec("set", "Values replaced for this option alone, by key path.", .namedMap(.quantity, keyDescription: "key path")),
        KeySpec("budgets", "Yearly budget (£) of whole lines for this option: one value, or a list of `horizon` values; applied before `shift`.", .namedMap(.oneOf([nonNegative, .list(nonNegative)]), keyDescription: "service or intervention")),
    ])

    /// An amount in £, or a share of the line's budget today written as `"50%"`.
    static let poundsOrShare = ValueKind.oneOf([nonNegative, .string(pattern: "^[0-9]+(\\.[0-9]+)?%$")])

    public static let optimiseLine = ObjectSpec("optimise_line", "Limits on one budget line in `phm optimise`.", [
        KeySpec("min", "Lowest budget: £ per year, or a share of today's such as \"50%\".", poundsOrShare),
        KeySpec("max", "Highest budget: £ per year, or a share of today's such as \"150%\".", poundsOrShare),
        KeySpec("ring_fenced", "true: the line keeps at least today's budget.", .boolean),
        KeySpec("max_change", "Largest change from today's budget either way: £ per year, or a share such as \"20%\".", poundsOrShare),
    ])

    public static let optimise = ObjectSpec("optimise", "How `phm optimise` and `phm frontier` reallocate the budget lines (MODEL.md §5).", [
        KeySpec("objective", "What to maximise (default total-health).", .choice(["total-health", "weighted", "maximin", "atkinson", "gap-limit"])),
        KeySpec("weights", "Weight of each equity group's net QALY gain for `weighted` (default 1 each).", .numberMap(keyDescription: "equity group")),
        KeySpec("epsilon", "Inequality aversion ε for `atkinson` (default 1).", nonNegative),
        KeySpec("gap", "δ: the largest health gap h_last − h_first allowed by `gap-limit`.", .number(minimum: nil, maximum: nil)),
        KeySpec("total", "Total of the lines' mean yearly budgets: `keep` (today's, default) or £.", .oneOf([.choice(["keep"]), nonNegative])),
        KeySpec("add", "New money added to the total, £ a year (negative for a cut; default 0).", .number(minimum: nil, maximum: nil)),
        KeySpec("at_most", "true: spend at most the total instead of exactly it (default false).", .boolean),
        KeySpec("lines", "Limits per line: min, max, ring_fenced, max_change.", .namedMap(.object(optimiseLine), keyDescription: "service or intervention")),
        KeySpec("no_group_worse_off", "true: every group's predicted net health at least today's (default false).", .boolean),
        KeySpec("levels", "Response-curve budget levels as multiples of today's (default [0, 0.5, 1, 1.5, 2, 3]).", .list(nonNegative)),
        KeySpec("new_line_levels", "Response-curve levels in £ per year for lines at 0 today (default [0, 250000, 500000, 1000000]).", .list(nonNegative)),
        KeySpec("curve_draws", "Monte Carlo draws per response-curve point (default 200).", .integer(minimum: 1, maximum: 1_000_000)),
        KeySpec("refine", "Rounds of successive linear programming after the first LP (default 0).", .integer(minimum: 0, maximum: 1_000)),
    ])

    public static let correlation = ObjectSpec("correlation", "Gaussian-copula correlation of two uncertain parameters.", [
        KeySpec("between", required: true, "Two parameter key paths.", .list(.string(pattern: nil))),
        KeySpec("rho", required: true, "Correlation in (−1, 1).", .number(minimum: -1, maximum: 1)),
    ])

    public static let scenario = ObjectSpec("scenario", "A phm-workbench scenario (MODEL.md §1).", [
        KeySpec("name", required: true, "Identifier of the scenario: lower-case letters, digits and hyphens.", .string(pattern: "^[a-z0-9-]+$")),
        KeySpec("horizon", required: true, "T: years simulated, 1 to 100.", .integer(minimum: 1, maximum: 100)),
        KeySpec("start_year", "Calendar year in which year 0 begins: financial years run April to March and are labelled `2026/27` (default: the current financial year).", .integer(minimum: startYears.lowerBound, maximum: startYears.upperBound)),
        KeySpec("discount", "Discount rates (default 0.035 each).", .object(discount)),
        KeySpec("threshold", "£ per QALY for net monetary benefit (default 20000).", nonNegative),
        KeySpec("monte_carlo", "Draws, seed and count noise.", .object(monteCarlo)),
        KeySpec("dimensions", required: true, "Named dimensions and their ordered levels.", .namedMap(.list(.string(pattern: nil)), keyDescription: "dimension")),
        KeySpec("equity", "Equity groups, baseline health and opportunity cost.", .object(equity)),
        KeySpec("cohorts", required: true, "Cohort rows, or `{table: FILE.csv}`.", .oneOf([.list(.object(cohortRow)), .object(cohortTable)])),
        KeySpec("needs", "Health needs by name.", .namedMap(.object(need), keyDescription: "need")),
        KeySpec("services", required: true, "Services by name.", .namedMap(.object(service), keyDescription: "service")),
        KeySpec("interventions", "Interventions by name.", .namedMap(.object(intervention), keyDescription: "intervention")),
        KeySpec("options", "Named options compared with `base`.", .namedMap(.object(option), keyDescription: "option")),
        KeySpec("correlations", "Correlations between uncertain parameters.", .list(.object(correlation))),
        KeySpec("contracts", "Contracts and payment models compared by `phm payments` (MODEL.md §6).", .namedMap(.object(contract), keyDescription: "contract")),
        KeySpec("optimise", "Settings of `phm optimise` and `phm frontier`.", .object(optimise)),
        KeySpec("voi", "Settings of `phm voi` (value of information).", .object(valueOfInformation)),
    ])

    public static let valueOfInformation = ObjectSpec("voi", "What `phm voi` values besides each uncertain parameter alone.", [
        KeySpec("groups", "Named groups of uncertain parameter key paths whose EVPPI is estimated jointly.",
                .namedMap(.list(.string(pattern: nil)), keyDescription: "group")),
    ])

    /// The parameters each distribution family takes (`{dist: NAME, …}`); lognormal accepts
    /// either form.
    public static let distributionFamilies: [(name: String, parameterSets: [[String]])] = [
        ("normal", [["mean", "sd"]]),
        ("lognormal", [["mean", "sd"], ["p10", "p90"]]),
        ("gamma", [["mean", "sd"]]),
        ("beta", [["mean", "sd"]]),
        ("uniform", [["low", "high"]]),
        ("triangular", [["low", "mode", "high"]]),
        ("pert", [["low", "mode", "high"]]),
    ]

    /// Keys of the cohort-varying form.
    public static let cohortValueKeys = ["base", "multiply", "by_cohort"]
}
