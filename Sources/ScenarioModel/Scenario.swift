/// A whole scenario (MODEL.md §1) as immutable values, with names resolved to indices.
///
/// Built by `ScenarioLoading` after validation, so every index is in range and every
/// distribution's parameters are valid.
public struct Scenario: Hashable, Sendable {
    public struct Discount: Hashable, Sendable {
        public let costs: Double
        public let health: Double

        public init(costs: Double, health: Double) {
            self.costs = costs
            self.health = health
        }
    }

    /// Settings of the Monte Carlo run (MODEL.md §3).
    public struct MonteCarloSettings: Hashable, Sendable {
        /// Noise on counts in addition to parameter uncertainty.
        public enum CountNoise: String, Hashable, Sendable, CaseIterable {
            case none
            /// Demand counts are Poisson around their expected value in each cohort, service, year.
            case poisson
        }

        public let draws: Int
        public let seed: UInt64
        public let countNoise: CountNoise

        public init(draws: Int, seed: UInt64, countNoise: CountNoise) {
            self.draws = draws
            self.seed = seed
            self.countNoise = countNoise
        }
    }

    /// Health displaced by extra spending (distributional cost-effectiveness analysis).
    public struct OpportunityCost: Hashable, Sendable {
        /// £ of spending that displaces one QALY elsewhere in the system.
        public let perQaly: Double
        /// Share of the displaced health borne by each equity group (sums to 1).
        public let shares: [Double]

        public init(perQaly: Double, shares: [Double]) {
            self.perQaly = perQaly
            self.shares = shares
        }
    }

    /// Which dimension defines the equity groups and the health they start from.
    public struct Equity: Hashable, Sendable {
        /// Index into ``Scenario/dimensions``; its levels are the groups, most deprived first.
        public let dimension: Int
        /// Baseline health by group (e.g. quality-adjusted life expectancy), if given.
        public let baselineHealth: [Double]?
        public let opportunityCost: OpportunityCost?

        public init(dimension: Int, baselineHealth: [Double]?, opportunityCost: OpportunityCost?) {
            self.dimension = dimension
            self.baselineHealth = baselineHealth
            self.opportunityCost = opportunityCost
        }
    }

    /// A Gaussian-copula correlation between two uncertain parameters, by path.
    public struct Correlation: Hashable, Sendable {
        public let first: String
        public let second: String
        public let rho: Double

        public init(first: String, second: String, rho: Double) {
            self.first = first
            self.second = second
            self.rho = rho
        }
    }

    /// A named set of uncertain parameters valued together by `phm voi` (their joint EVPPI).
    public struct InformationGroup: Hashable, Sendable {
        public let name: String
        public let paths: [String]

        public init(name: String, paths: [String]) {
            self.name = name
            self.paths = paths
        }
    }

    public let name: String
    public let horizon: Int
    /// The calendar year in which year 0 begins (April for financial years, see
    /// ``FinancialYear``); the file's `start_year`, default the year the file is loaded.
    public let startYear: Int
    public let discount: Discount
    /// £ per QALY used for net monetary benefit.
    public let threshold: Double
    public let monteCarlo: MonteCarloSettings
    public let dimensions: [ScenarioDimension]
    public let equity: Equity
    public let cohorts: [Cohort]
    public let needs: [Need]
    public let services: [Service]
    public let interventions: [Intervention]
    /// The options written in the file, in file order (without the implicit base).
    public internal(set) var options: [ScenarioOption]
    public let correlations: [Correlation]
    /// Contracts and the payment models to compare (MODEL.md §6); they do not change the simulation.
    public let contracts: [Contract]
    /// The `optimise:` section (MODEL.md §5), if the file has one; set by the loader.
    public var optimisation: Optimisation?
    /// `voi: {groups: {NAME: [PATH, …]}}`: parameters whose EVPPI `phm voi` estimates jointly,
    /// in file order, paths as the sampler names them; set by the loader.
    public var informationGroups: [InformationGroup] = []

    public init(
        name: String, horizon: Int, startYear: Int, discount: Discount, threshold: Double,
        monteCarlo: MonteCarloSettings, dimensions: [ScenarioDimension], equity: Equity, cohorts: [Cohort],
        needs: [Need], services: [Service], interventions: [Intervention], options: [ScenarioOption],
        correlations: [Correlation], contracts: [Contract] = []
    ) {
        self.name = name
        self.horizon = horizon
        self.startYear = startYear
        self.discount = discount
        self.threshold = threshold
        self.monteCarlo = monteCarlo
        self.dimensions = dimensions
        self.equity = equity
        self.cohorts = cohorts
        self.needs = needs
        self.services = services
        self.interventions = interventions
        self.options = options
        self.correlations = correlations
        self.contracts = contracts
    }

    /// Base first, then the file's options: the order every report uses.
    public var allOptions: [ScenarioOption] { [.base] + options }

    /// The equity groups' names (levels of the equity dimension), most deprived first.
    public var groupNames: [String] { dimensions[equity.dimension].levels }

    /// Equity group index of each cohort.
    public var cohortGroups: [Int] { cohorts.map { $0.levels[equity.dimension] } }

    /// Name of a budget line.
    public func name(of line: BudgetLine) -> String {
        switch line {
        case .service(let s): return services[s].name
        case .intervention(let j): return interventions[j].name
        }
    }
}
