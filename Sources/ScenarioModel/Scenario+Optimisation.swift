extension Scenario {
    /// The `optimise:` section: how `phm optimise` and `phm frontier` reallocate the budget lines
    /// (MODEL.md §5; keys and defaults in docs/MODEL-NOTES.md, "Allocation"). Command-line flags
    /// override it.
    public struct Optimisation: Hashable, Sendable {
        /// What the allocation maximises.
        public enum Objective: String, Hashable, Sendable, CaseIterable {
            /// Σ_g net QALY gain.
            case totalHealth = "total-health"
            /// Σ_g w_g · net QALY gain.
            case weighted
            /// The worst-off group's final health.
            case maximin
            /// Σ_g p_g h_g^(1−ε)/(1−ε) (ln h at ε = 1), piecewise-linear outer approximation.
            case atkinson
            /// Total net health with the gap `h_last − h_first` at most δ.
            case gapLimit = "gap-limit"
        }

        /// The total the lines must add up to (mean yearly £ over the horizon).
        public enum Total: Hashable, Sendable {
            /// Today's total: a pure reallocation.
            case keep
            case amount(Double)
        }

        /// An amount written as £ or as a share of the line's budget today (`"50%"` = 0.5).
        public enum Amount: Hashable, Sendable {
            case pounds(Double)
            case shareOfCurrent(Double)

            /// The amount in £ for a line whose budget today is `current`.
            public func pounds(current: Double) -> Double {
                switch self {
                case .pounds(let value): return value
                case .shareOfCurrent(let share): return share * current
                }
            }
        }

        /// Limits on one line (`optimise.lines.LINE`).
        public struct LineLimits: Hashable, Sendable {
            public var min: Amount?
            public var max: Amount?
            /// The line may not fall below today's budget.
            public var ringFenced: Bool
            /// |new − today| at most this.
            public var maxChange: Amount?

            public init(min: Amount? = nil, max: Amount? = nil, ringFenced: Bool = false, maxChange: Amount? = nil) {
                self.min = min
                self.max = max
                self.ringFenced = ringFenced
                self.maxChange = maxChange
            }
        }

        public static let defaultLevels: [Double] = [0, 0.5, 1, 1.5, 2, 3]
        /// The share of today's budget a service keeps when `optimise.lines.NAME.min` is not set
        /// (see `AllocationBounds`; `min: 0` allows closing it).
        public static let defaultServiceFloor = 0.5
        public static let defaultNewLineLevels: [Double] = [0, 250_000, 500_000, 1_000_000]
        public static let defaultCurveDraws = 200

        public var objective: Objective
        /// Weight of each equity group for `weighted` (group order); nil = 1 each.
        public var weights: [Double]?
        /// Inequality aversion ε for `atkinson`.
        public var epsilon: Double
        /// δ, the largest gap `h_last − h_first` allowed by `gap-limit`; nil = required on the command line.
        public var gap: Double?
        public var total: Total
        /// New money added to ``total`` (£ a year; negative for a cut), e.g. a fund on top of today's.
        public var add: Double
        /// Σ x_ℓ ≤ total instead of = total.
        public var atMost: Bool
        public var lines: [BudgetLine: LineLimits]
        /// Predicted net health of every group at least today's.
        public var noGroupWorseOff: Bool
        /// Budget levels of the response curves, as multiples of a line's budget today.
        public var levels: [Double]
        /// £ levels (per year) for lines funded at 0 today.
        public var newLineLevels: [Double]
        /// Monte Carlo draws averaged in each point of a response curve.
        public var curveDraws: Int
        /// Rounds of successive linear programming `phm optimise` runs after the first LP
        /// (`optimise.refine`, `--refine`; 0 = none).
        public var refine = 0

        public init(
            objective: Objective = .totalHealth, weights: [Double]? = nil, epsilon: Double = 1, gap: Double? = nil,
            total: Total = .keep, add: Double = 0, atMost: Bool = false, lines: [BudgetLine: LineLimits] = [:], noGroupWorseOff: Bool = false,
            levels: [Double] = defaultLevels, newLineLevels: [Double] = defaultNewLineLevels, curveDraws: Int = defaultCurveDraws
        ) {
            self.objective = objective
            self.weights = weights
            self.epsilon = epsilon
            self.gap = gap
            self.total = total
            self.add = add
            self.atMost = atMost
            self.lines = lines
            self.noGroupWorseOff = noGroupWorseOff
            self.levels = levels
            self.newLineLevels = newLineLevels
            self.curveDraws = curveDraws
        }
    }

    /// A copy of the scenario with other options (used to simulate budget variants of base).
    public func replacingOptions(_ options: [ScenarioOption]) -> Scenario {
        var copy = self
        copy.options = options
        return copy
    }

    /// Every budget line, services first, in the order `ModelLayout` numbers them.
    public var budgetLines: [BudgetLine] {
        services.indices.map(BudgetLine.service) + interventions.indices.map(BudgetLine.intervention)
    }

    /// Today's budget of a line in each year, at the means of its parameters (£).
    public func currentBudget(_ line: BudgetLine) -> [Double] {
        let value: YearlyValue
        switch line {
        case .service(let s): value = services[s].budget
        case .intervention(let j): value = interventions[j].budget
        }
        return (0..<horizon).map { max(0, value.parameter(year: $0).distribution.mean) }
    }

    /// The mean yearly budget (£, at the distributions' means) that `option` gives `line`: its
    /// `budgets:` entry or today's budget, after the option's shifts, floored at 0 year by year
    /// as the engine does.
    public func meanBudget(_ line: BudgetLine, option: ScenarioOption) -> Double {
        var yearly = option.budgets[line] ?? currentBudget(line)
        for shift in option.shifts where shift.from == line || shift.to == line {
            for t in 0..<horizon {
                let amount = max(0, shift.amount.parameter(year: t).distribution.mean)
                yearly[t] += shift.to == line ? amount : -amount
            }
        }
        return yearly.reduce(0) { $0 + max(0, $1) } / Double(horizon)
    }

    /// Per line, the mean yearly budgets the file's options propose (the allocation's default
    /// range covers them, so `total-health` can always do at least as well as each option).
    public var optionBudgets: [BudgetLine: [Double]] {
        Dictionary(uniqueKeysWithValues: budgetLines.map { line in (line, options.map { meanBudget(line, option: $0) }) })
    }
}
