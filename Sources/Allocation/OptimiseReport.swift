import DrawStatistics
import RunAnalysis

/// What `phm optimise` reports (`summary.json`, `--json`): the LP's allocation and predictions
/// beside the Monte Carlo re-simulation of the chosen allocation (MODEL.md §5).
public struct OptimiseReport: Codable, Sendable {
    public struct LineRow: Codable, Sendable {
        public let line: String
        /// Mean yearly budget today and at the optimum (£).
        public let current: Double
        public let optimal: Double
        public let change: Double
        public let lower: Double
        public let upper: Double
        public let binding: String?
        /// Objective per £1m more room at the binding bound.
        public let boundPricePerMillion: Double?

        public init(line: String, current: Double, optimal: Double, change: Double, lower: Double, upper: Double, binding: String?, boundPricePerMillion: Double?) {
            self.line = line
            self.current = current
            self.optimal = optimal
            self.change = change
            self.lower = lower
            self.upper = upper
            self.binding = binding
            self.boundPricePerMillion = boundPricePerMillion
        }
    }

    public struct PredictedGroup: Codable, Sendable {
        public let name: String
        public let netGain: Double
        public let health: Double
        public let noWorseOffPrice: Double?

        public init(name: String, netGain: Double, health: Double, noWorseOffPrice: Double?) {
            self.name = name
            self.netGain = netGain
            self.health = health
            self.noWorseOffPrice = noWorseOffPrice
        }
    }

    public struct Predicted: Codable, Sendable {
        public let groups: [PredictedGroup]
        public let totalNetGain: Double
        public let costChange: Double

        public init(groups: [PredictedGroup], totalNetGain: Double, costChange: Double) {
            self.groups = groups
            self.totalNetGain = totalNetGain
            self.costChange = costChange
        }
    }

    public struct SimulatedGroup: Codable, Sendable {
        public let name: String
        /// Net QALY gain against base, mean and 95% interval over draws.
        public let netGain: Interval
        public let health: Interval

        public init(name: String, netGain: Interval, health: Interval) {
            self.name = name
            self.netGain = netGain
            self.health = health
        }
    }

    public struct SimulatedOption: Codable, Sendable {
        public let name: String
        /// Change in total net health against base (QALYs), mean and 95% interval.
        public let netHealth: Interval
        public let cost: Interval

        public init(name: String, netHealth: Interval, cost: Interval) {
            self.name = name
            self.netHealth = netHealth
            self.cost = cost
        }
    }

    public struct Simulated: Codable, Sendable {
        public let option: String
        public let draws: Int
        public let deterministic: Bool
        public let groups: [SimulatedGroup]
        public let totalNetGain: Interval
        public let costChange: Interval
        /// Every option of the file and the optimised allocation, simulated together (CRN).
        public let options: [SimulatedOption]
        /// The optimised allocation against today's: change in deaths over the horizon and in the
        /// gap `h(last) − h(first)` (negative = narrower), with today's gap; absent in older files.
        public var deathsChange: Interval? = nil
        public var gapChange: Interval? = nil
        public var todaysGap: Double? = nil

        public init(option: String, draws: Int, deterministic: Bool, groups: [SimulatedGroup], totalNetGain: Interval, costChange: Interval, options: [SimulatedOption]) {
            self.option = option
            self.draws = draws
            self.deterministic = deterministic
            self.groups = groups
            self.totalNetGain = totalNetGain
            self.costChange = costChange
            self.options = options
        }
    }

    public struct ShadowPrices: Codable, Sendable {
        /// Objective gained per £1m more on the total (per year).
        public let totalPerMillion: Double
        /// Gap-limit: QALYs forgone per unit of gap closed.
        public let gap: Double?
        /// Every constraint with a non-zero shadow price, by its name in the MPS file.
        public let constraints: [ConstraintPrice]

        public init(totalPerMillion: Double, gap: Double?, constraints: [ConstraintPrice]) {
            self.totalPerMillion = totalPerMillion
            self.gap = gap
            self.constraints = constraints
        }
    }

    /// Size of the linear program and the simplex iterations Clp took.
    public struct ProgramSize: Codable, Sendable {
        public let variables: Int
        public let constraints: Int
        public let iterations: Int

        public init(variables: Int, constraints: Int, iterations: Int) {
            self.variables = variables
            self.constraints = constraints
            self.iterations = iterations
        }
    }

    public let status: String
    public let scenario: String
    public let objectiveName: String
    public let objectiveUnits: String
    /// The LP's optimal value: the value of the objective of the MPS written by --write-mps.
    public let objective: Double
    public let total: Double
    public let atMost: Bool
    public let allocation: [LineRow]
    public let predicted: Predicted
    public var simulated: Simulated
    public let shadowPrices: ShadowPrices
    public let approximationGap: Double?
    public let lp: ProgramSize
    public let curveDraws: Int
    public let curvesFromCache: Bool
    public let warnings: [String]
    public let notes: [String]
    /// Warnings about the linear programme itself (non-concave curves bridged by their envelope,
    /// segments filled out of order), for the technical appendix rather than the answer.
    public var technicalWarnings: [String] = []
    /// `--refine`: every round of successive linear programming, round 0 the first LP's
    /// allocation; absent without `--refine`.
    public var refinement: [AllocationRefinement.Round]? = nil

    public init(status: String, scenario: String, objectiveName: String, objectiveUnits: String, objective: Double, total: Double, atMost: Bool, allocation: [LineRow], predicted: Predicted, simulated: Simulated, shadowPrices: ShadowPrices, approximationGap: Double?, lp: ProgramSize, curveDraws: Int, curvesFromCache: Bool, warnings: [String], notes: [String], refinement: [AllocationRefinement.Round]? = nil) {
        self.status = status
        self.scenario = scenario
        self.objectiveName = objectiveName
        self.objectiveUnits = objectiveUnits
        self.objective = objective
        self.total = total
        self.atMost = atMost
        self.allocation = allocation
        self.predicted = predicted
        self.simulated = simulated
        self.shadowPrices = shadowPrices
        self.approximationGap = approximationGap
        self.lp = lp
        self.curveDraws = curveDraws
        self.curvesFromCache = curvesFromCache
        self.warnings = warnings
        self.notes = notes
        self.refinement = refinement
    }
}
