/// Per-draw results of every simulated option, and the yearly series averaged over draws.
///
/// Per-draw arrays are indexed `[o*D + d]` (option-major), with a trailing group or service
/// index where they have one: `groupQalys[(o*D + d)*G + g]`. Only what the analyses need per
/// draw is kept; the yearly series are accumulated as means so memory stays
/// O(options × draws × (groups + services)).
///
/// A table may hold only a shard of a run's draws, `firstDraw ..< firstDraw + draws` of
/// `totalDraws` (`phm run --shard`); its yearly sums then stay as ``yearlySums`` until the shards
/// are joined (``joined(_:)``), and ``yearly`` is empty.
public struct DrawTable: Sendable {
    /// Names of the simulated options, base first.
    public let optionNames: [String]
    public let groupNames: [String]
    public let serviceNames: [String]
    public let interventionNames: [String]
    /// Draws held here (all of the run's unless this is a shard).
    public let draws: Int
    /// The run's first draw held here, and the run's number of draws.
    public let firstDraw: Int
    public let totalDraws: Int
    public let horizon: Int

    public internal(set) var qalys: [Double]
    public internal(set) var cost: [Double]
    public internal(set) var deaths: [Double]
    /// Life-years `Σ_t Σ_c N[c,t]`, undiscounted (MODEL.md §2).
    public internal(set) var lifeYears: [Double]
    /// The part of ``qalys`` carried past the horizon by the survivors.
    public internal(set) var qalysAfterHorizon: [Double]
    public internal(set) var groupQalys: [Double]
    public internal(set) var groupDeaths: [Double]
    /// Unmet demand of each group, summed over services and years `[(o*D + d)*G + g]`.
    public internal(set) var groupUnmet: [Double]
    public internal(set) var groupLifeYears: [Double]
    /// Deaths and life-years of each year in each draw, `[(o*D + d)*T + t]`, for their yearly
    /// intervals (O(options × draws × years), like the per-draw totals).
    public internal(set) var drawYearlyDeaths: [Double]
    public internal(set) var drawYearlyLifeYears: [Double]
    /// QALYs and cost of each year in each draw (undiscounted), `[(o*D + d)*T + t]`, for the
    /// intervals of the cumulative timeline.
    public internal(set) var drawYearlyQalys: [Double]
    public internal(set) var drawYearlyCost: [Double]
    /// Year-0 population of each group in each draw `[d*G + g]` (the same for every option).
    public internal(set) var groupPopulation: [Double]
    public internal(set) var serviceActivity: [Double]
    public internal(set) var serviceUnmet: [Double]
    /// Means over draws, per option (empty in a shard).
    public internal(set) var yearly: [YearlySeries]
    /// The blocks' yearly sums (unscaled) as kept for joining shards.
    public internal(set) var yearlySums: BlockTreeSum
    /// The folder of the column files when the per-draw values are kept there, not in the arrays
    /// above (which are then empty): one file per ``DrawMetric``, `[(o*W + w)*D + d]` (issue 18).
    public internal(set) var columnFolder: String?

    /// Whether the table holds every draw of its run.
    public var isComplete: Bool { firstDraw == 0 && draws == totalDraws }

    public var optionCount: Int { optionNames.count }
    public var groupCount: Int { groupNames.count }
    public var serviceCount: Int { serviceNames.count }

    public init(optionNames: [String], groupNames: [String], serviceNames: [String], interventionNames: [String],
                draws: Int, firstDraw: Int = 0, totalDraws: Int? = nil, horizon: Int) {
        self.init(optionNames: optionNames, groupNames: groupNames, serviceNames: serviceNames, interventionNames: interventionNames,
                  draws: draws, firstDraw: firstDraw, totalDraws: totalDraws, horizon: horizon, zeroed: true)
    }

    /// With `zeroed` false the per-draw columns start empty, for a builder that fills each one
    /// from its own buffer (so the run never holds a zeroed copy of every column beside them).
    init(optionNames: [String], groupNames: [String], serviceNames: [String], interventionNames: [String],
         draws: Int, firstDraw: Int, totalDraws: Int?, horizon: Int, zeroed: Bool) {
        self.optionNames = optionNames
        self.groupNames = groupNames
        self.serviceNames = serviceNames
        self.interventionNames = interventionNames
        self.draws = draws
        self.firstDraw = firstDraw
        self.totalDraws = totalDraws ?? draws
        self.horizon = horizon
        yearlySums = BlockTreeSum()
        let O = optionNames.count, G = groupNames.count, S = serviceNames.count
        let draws = zeroed ? draws : 0
        qalys = .init(repeating: 0, count: O * draws)
        cost = qalys
        deaths = qalys
        lifeYears = qalys
        qalysAfterHorizon = qalys
        groupQalys = .init(repeating: 0, count: O * draws * G)
        groupDeaths = groupQalys
        groupUnmet = groupQalys
        groupLifeYears = groupQalys
        drawYearlyDeaths = .init(repeating: 0, count: O * draws * horizon)
        drawYearlyLifeYears = drawYearlyDeaths
        drawYearlyQalys = drawYearlyDeaths
        drawYearlyCost = drawYearlyDeaths
        groupPopulation = .init(repeating: 0, count: draws * G)
        serviceActivity = .init(repeating: 0, count: O * draws * S)
        serviceUnmet = serviceActivity
        yearly = (0..<O).map { _ in YearlySeries(services: S, groups: G, interventions: interventionNames.count, horizon: horizon) }
    }

    /// Values of one per-draw metric for option `o`, in draw order.
    public func values(_ metric: [Double], option o: Int) -> ArraySlice<Double> {
        metric[(o * draws)..<((o + 1) * draws)]
    }

    /// A column in memory (tables kept in files are read whole: for small runs and tests).
    func loaded(_ metric: DrawMetric, option: Int = 0, index: Int = 0) -> [Double] {
        do {
            return try column(metric, option: option, index: index).array()
        } catch {
            fatalError("\(error)")
        }
    }

    /// QALYs of group `g` under option `o`, in draw order.
    public func groupQalys(option o: Int, group g: Int) -> [Double] {
        loaded(.groupQalys, option: o, index: g)
    }

    public func groupDeaths(option o: Int, group g: Int) -> [Double] {
        loaded(.groupDeaths, option: o, index: g)
    }

    /// Unmet demand of group `g` under option `o` (all services), in draw order.
    public func groupUnmet(option o: Int, group g: Int) -> [Double] {
        loaded(.groupUnmet, option: o, index: g)
    }

    public func groupLifeYears(option o: Int, group g: Int) -> [Double] {
        loaded(.groupLifeYears, option: o, index: g)
    }

    /// Deaths in year `t` under option `o`, in draw order.
    public func yearlyDeaths(option o: Int, year t: Int) -> [Double] {
        loaded(.yearlyDeaths, option: o, index: t)
    }

    /// Life-years (people alive) in year `t` under option `o`, in draw order.
    public func yearlyLifeYears(option o: Int, year t: Int) -> [Double] {
        loaded(.yearlyLifeYears, option: o, index: t)
    }

    /// QALYs in year `t` under option `o` (undiscounted), in draw order.
    public func yearlyQalys(option o: Int, year t: Int) -> [Double] {
        loaded(.yearlyQalys, option: o, index: t)
    }

    /// Cost in year `t` under option `o` (undiscounted, £), in draw order.
    public func yearlyCost(option o: Int, year t: Int) -> [Double] {
        loaded(.yearlyCost, option: o, index: t)
    }

    public func groupPopulation(group g: Int) -> [Double] {
        loaded(.groupPopulation, index: g)
    }

    public func serviceActivity(option o: Int, service s: Int) -> [Double] {
        loaded(.serviceActivity, option: o, index: s)
    }

    public func serviceUnmet(option o: Int, service s: Int) -> [Double] {
        loaded(.serviceUnmet, option: o, index: s)
    }
}

/// Yearly series of one option, as means over draws (MODEL.md §4; undiscounted).
public struct YearlySeries: Sendable, Equatable {
    public internal(set) var demand: [Double]        // [s*T + t]
    public internal(set) var activity: [Double]      // [s*T + t]
    public internal(set) var unmet: [Double]         // [s*T + t]
    /// Capacity `K[s,t] = budget[s,t] / unit_cost[s]` after the option's shifts (MODEL.md §2),
    /// so charts can set demand against what the budget buys.
    public internal(set) var capacity: [Double]      // [s*T + t]
    public internal(set) var qalys: [Double]         // [t]
    public internal(set) var cost: [Double]          // [t]
    public internal(set) var deaths: [Double]        // [t]
    public internal(set) var lifeYears: [Double]     // [t], N[t] summed over cohorts
    public internal(set) var groupQalys: [Double]    // [g*T + t]
    public internal(set) var participants: [Double] // [j*T + t]

    public init(services S: Int, groups G: Int, interventions J: Int, horizon T: Int) {
        demand = .init(repeating: 0, count: S * T)
        activity = demand
        unmet = demand
        capacity = demand
        qalys = .init(repeating: 0, count: T)
        cost = qalys
        deaths = qalys
        lifeYears = qalys
        groupQalys = .init(repeating: 0, count: G * T)
        participants = .init(repeating: 0, count: J * T)
    }

    /// Every array, in a fixed order (for storing and reading shards).
    static let fields: [WritableKeyPath<YearlySeries, [Double]> & Sendable] = [
        \.demand, \.activity, \.unmet, \.capacity, \.qalys, \.cost, \.deaths, \.lifeYears, \.groupQalys, \.participants,
    ]

    mutating func add(_ other: YearlySeries) {
        func add(_ a: inout [Double], _ b: [Double]) { for i in a.indices { a[i] += b[i] } }
        add(&demand, other.demand); add(&activity, other.activity); add(&unmet, other.unmet); add(&capacity, other.capacity)
        add(&qalys, other.qalys); add(&cost, other.cost); add(&groupQalys, other.groupQalys)
        add(&deaths, other.deaths); add(&lifeYears, other.lifeYears)
        add(&participants, other.participants)
    }

    mutating func scale(by factor: Double) {
        func scale(_ a: inout [Double]) { for i in a.indices { a[i] *= factor } }
        scale(&demand); scale(&activity); scale(&unmet); scale(&capacity); scale(&qalys); scale(&cost)
        scale(&deaths); scale(&lifeYears); scale(&groupQalys); scale(&participants)
    }
}
