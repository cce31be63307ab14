/// Simulated response curves of every budget line (MODEL.md §5): what running one line at each
/// budget level, everything else as today, does to each equity group's discounted QALYs and to
/// discounted cost, averaged over Monte Carlo draws with common random numbers.
///
/// Budgets are expressed as a line's **mean yearly budget over the horizon** (£). A level `v`
/// gives year `t` the budget `v · profile[t]`, where `profile` is today's yearly budget divided
/// by today's mean (so growth paths keep their shape) or 1 for a line funded at 0 today.
/// Codable so that curves can be cached (`Results/<scenario>/.cache/`).
public struct ResponseCurves: Codable, Sendable, Equatable {
    /// Equity groups, most deprived first.
    public let groups: [String]
    /// Year-0 population `N_g` (mean over draws).
    public let populations: [Double]
    /// Discounted QALYs of each group under today's allocation (mean over draws).
    public let baseQalys: [Double]
    /// Discounted cost under today's allocation (mean over draws).
    public let baseCost: Double
    /// Draws averaged in each point (1 in deterministic mode).
    public let draws: Int
    public let lines: [LineCurve]

    public init(groups: [String], populations: [Double], baseQalys: [Double], baseCost: Double, draws: Int, lines: [LineCurve]) {
        self.groups = groups
        self.populations = populations
        self.baseQalys = baseQalys
        self.baseCost = baseCost
        self.draws = draws
        self.lines = lines
    }
}

/// The response curve of one budget line.
public struct LineCurve: Codable, Sendable, Equatable {
    public let name: String
    /// Today's mean yearly budget (£).
    public let current: Double
    /// Budget of year `t` per £ of mean yearly budget.
    public let profile: [Double]
    /// Mean yearly budgets simulated (£), strictly increasing; today's is one of them.
    public let levels: [Double]
    /// Discounted QALY gain of each group against today's allocation, `[level][group]`.
    public let qalyGain: [[Double]]
    /// Discounted cost change against today's allocation, `[level]`.
    public let costChange: [Double]

    public init(name: String, current: Double, profile: [Double], levels: [Double], qalyGain: [[Double]], costChange: [Double]) {
        self.name = name
        self.current = current
        self.profile = profile
        self.levels = levels
        self.qalyGain = qalyGain
        self.costChange = costChange
    }

    /// The yearly budgets (£, year 0 first) of mean yearly budget `level`.
    public func yearlyBudget(_ level: Double) -> [Double] {
        profile.map { level * $0 }
    }

    /// Linear interpolation of `values` (one per level) at `budget`, clamped to the levels' range.
    public func interpolate(_ values: [Double], at budget: Double) -> Double {
        if budget <= levels[0] { return values[0] }
        for k in 1..<levels.count where budget <= levels[k] {
            let w = (budget - levels[k - 1]) / (levels[k] - levels[k - 1])
            return values[k - 1] + w * (values[k] - values[k - 1])
        }
        return values[levels.count - 1]
    }
}
