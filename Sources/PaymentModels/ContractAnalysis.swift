import DrawStatistics
import MonteCarlo
import ScenarioModel

/// Turns the probe tables of a payments run into a ``ContractResult``: per draw, each model's
/// yearly payment, cost and margin and the budget line, discounted and summed, then summarised
/// over draws. Pure computation over per-draw arrays.
public struct ContractAnalysis: Sendable {
    public let terms: ContractTerms
    /// Stream of each observed service, and weighting of each model (nil = not capitated).
    public let streams: [Int]
    public let weightings: [Int?]
    /// 1/(1+r)^t at the cost discount rate.
    public let discount: [Double]

    public init(terms: ContractTerms, streams: [Int], weightings: [Int?], discountRate: Double) {
        self.terms = terms
        self.streams = streams
        self.weightings = weightings
        discount = (0..<terms.horizon).map { t in 1 / PaymentFormulas.indexFactor(discountRate, year: t) }
    }

    /// Present values, and the undiscounted yearly series, in one draw of one run.
    public struct DrawValues: Sendable {
        /// Payment and cost of each model.
        public var payment: [Double]
        public var cost: [Double]
        public var budgetLine: Double
        /// Each model's payment `[m][t]`, the provider's cost and the budget line `[t]`, undiscounted.
        public var yearlyPayment: [[Double]]
        public var yearlyCost: [Double]
        public var yearlyBudgetLine: [Double]
        /// Activity and demand of each covered service over the horizon (undiscounted).
        public var activity: [Double]
        public var demand: [Double]
    }

    /// Every model's present values in draw `d` of option `o` (its position in the run).
    public func values(_ table: ProbeTable, option o: Int, draw d: Int) -> DrawValues {
        let T = terms.horizon, M = terms.contract.models.count
        let activity = streams.map { Array(table.activity(option: o, draw: d, stream: $0)) }
        let budgets = terms.services.prefix(terms.coveredCount).map { Array(table.serviceBudget(option: o, draw: d, service: $0)) }
        let populations = weightings.map { w in w.map { Array(table.population(option: o, draw: d, weighting: $0)) } }
        var result = DrawValues(
            payment: .init(repeating: 0, count: M), cost: .init(repeating: 0, count: M), budgetLine: 0,
            yearlyPayment: .init(repeating: .init(repeating: 0, count: T), count: M),
            yearlyCost: .init(repeating: 0, count: T), yearlyBudgetLine: .init(repeating: 0, count: T),
            activity: (0..<terms.coveredCount).map { i in activity[i].reduce(0, +) },
            demand: (0..<terms.coveredCount).map { i in table.demand(option: o, draw: d, stream: streams[i]).reduce(0, +) })
        for t in 0..<T {
            let year = activity.map { $0[t] }
            let cost = terms.providerCost(year: t, activity: year)
            let budgetLine = terms.budgetLine(year: t, serviceBudgets: budgets.map { $0[t] })
            result.yearlyCost[t] = cost
            result.yearlyBudgetLine[t] = budgetLine
            result.budgetLine += discount[t] * budgetLine
            for (m, model) in terms.contract.models.enumerated() {
                let pay = terms.payment(model, year: t, activity: year, weightedPopulation: populations[m]?[t] ?? 0)
                result.yearlyPayment[m][t] = pay
                result.payment[m] += discount[t] * pay
                result.cost[m] += discount[t] * cost
            }
        }
        return result
    }

    /// The contract's results for option `o`, from the main run and the prevention run (same
    /// draws, same seed: common random numbers).
    public func result(main: ProbeTable, prevention: ProbeTable, option o: Int, serviceNames: [String], cohortLabel: String) -> ContractResult {
        let D = main.draws
        let base = (0..<D).map { values(main, option: o, draw: $0) }
        let prevented = (0..<D).map { values(prevention, option: o, draw: $0) }
        let budget = base.map(\.budgetLine)
        /// Mean over draws of a yearly series.
        func yearlyMean(_ series: (DrawValues) -> [Double]) -> [Double] {
            (0..<terms.horizon).map { t in base.reduce(0) { $0 + series($1)[t] } / Double(D) }
        }
        let yearlyCost = yearlyMean(\.yearlyCost)
        let models = terms.contract.models.enumerated().map { m, model in
            let payment = base.map { $0.payment[m] }
            let cost = base.map { $0.cost[m] }
            let margin = zip(payment, cost).map { $0 - $1 }
            let position = zip(budget, payment).map { $0 - $1 }
            let preventedMargin = prevented.map { $0.payment[m] - $0.cost[m] }
            let paymentSpread = Summary(payment), marginSpread = Summary(margin)
            let totalVariance = marginSpread.variance + paymentSpread.variance
            let n = Double(D)
            return ModelResult(
                model: model.name, commissionerPayment: paymentSpread, providerIncome: paymentSpread,
                providerCost: Summary(cost), providerMargin: marginSpread, commissionerPosition: Summary(position),
                pProviderDeficit: Double(margin.filter { $0 < 0 }.count) / n,
                pCommissionerOverspend: Double(position.filter { $0 < 0 }.count) / n,
                expectedOverspend: position.reduce(0) { $0 + max(0, -$1) } / n,
                providerRiskShare: totalVariance > 0 ? marginSpread.variance / totalVariance : nil,
                incentiveAlignment: zip(preventedMargin, margin).reduce(0) { $0 + ($1.0 - $1.1) } / n,
                preventionPaymentChange: zip(prevented, payment).reduce(0) { $0 + ($1.0.payment[m] - $1.1) } / n,
                yearlyPayment: yearlyMean { $0.yearlyPayment[m] }, yearlyCost: yearlyCost)
        }
        return ContractResult(
            name: terms.contract.name, provider: terms.contract.provider, description: terms.contract.description,
            services: terms.contract.services.map { serviceNames[$0] }, cohorts: cohortLabel,
            budgetLine: Summary(budget), yearlyBudgetLine: yearlyMean(\.yearlyBudgetLine),
            plannedActivity: (0..<terms.coveredCount).map { terms.plan[$0].reduce(0, +) },
            activity: (0..<terms.coveredCount).map { i in Summary(base.map { $0.activity[i] }) },
            demand: (0..<terms.coveredCount).map { i in Summary(base.map { $0.demand[i] }) },
            models: models)
    }
}
