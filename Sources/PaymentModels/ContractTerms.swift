import ScenarioModel

/// A contract with everything its payments need resolved to numbers: prices, provider costs,
/// the plan and the budget basis, per observed service and year.
///
/// The *plan* is the covered cohorts' activity of each service in the base option at the means
/// (deterministic mode): what a commissioner and provider would agree as expected activity.
/// Observed services are the covered ones, then any outcome-target service outside them.
public struct ContractTerms: Sendable {
    public let contract: Contract
    public let horizon: Int
    /// Service index of each observed service; the first ``coveredCount`` are covered.
    public let services: [Int]
    public let coveredCount: Int
    /// £ per unit of each covered service.
    public let prices: [Double]
    /// Provider's variable cost per unit of each covered service.
    public let variableCost: [Double]
    /// Provider's fixed cost in each year.
    public let fixedCost: [Double]
    /// Planned activity `[i][t]` of each observed service.
    public let plan: [[Double]]
    /// Share of each covered service's budget that is the contract's, `[i][t]`: the covered
    /// cohorts' share of planned activity (1 when the contract covers every cohort).
    public let budgetShare: [[Double]]

    /// - Parameters:
    ///   - planActivity: planned activity `[i][t]` of each observed service in the covered cohorts.
    ///   - planServiceActivity: the base option's activity of service `s` in year `t` over every
    ///     cohort at the means, `[s][t]`.
    public init(contract: Contract, scenario: Scenario, planActivity: [[Double]], planServiceActivity: [[Double]]) {
        self.contract = contract
        horizon = scenario.horizon
        services = contract.observedServices
        coveredCount = contract.services.count
        let T = scenario.horizon
        let covered = contract.services
        prices = covered.map { contract.prices[$0] ?? scenario.services[$0].unitCost.distribution.mean }
        plan = planActivity
        switch contract.cost {
        case .explicit(let fixed, let variable):
            fixedCost = (0..<T).map { Contract.yearValue(fixed, year: $0) }
            variableCost = covered.map { variable[$0] ?? 0 }
        case .fixedShare(let share):
            let unitCosts = covered.map { scenario.services[$0].unitCost.distribution.mean }
            fixedCost = (0..<T).map { t in share * covered.indices.reduce(0.0) { $0 + unitCosts[$1] * planActivity[$1][t] } }
            variableCost = unitCosts.map { (1 - share) * $0 }
        }
        budgetShare = covered.indices.map { i in
            (0..<T).map { t in
                if contract.cohorts.isEmpty { return 1 }
                let total = planServiceActivity[covered[i]][t]
                return total > 0 ? planActivity[i][t] / total : 0
            }
        }
    }

    /// Position of a service among the observed services.
    func observedIndex(of service: Int) -> Int { services.firstIndex(of: service)! }

    /// The commissioner's budget line in year t, given the covered services' budgets that year.
    public func budgetLine(year t: Int, serviceBudgets: [Double]) -> Double {
        if let budget = contract.budget { return Contract.yearValue(budget, year: t) }
        var total = 0.0
        for i in 0..<coveredCount { total += serviceBudgets[i] * budgetShare[i][t] }
        return total
    }

    /// Provider cost in year t for covered activity `activity[i]`.
    public func providerCost(year t: Int, activity: [Double]) -> Double {
        PaymentFormulas.providerCost(fixed: fixedCost[t], variable: variableCost, activity: Array(activity.prefix(coveredCount)))
    }

    /// The commissioner's payment under `model` in year t.
    /// - Parameters:
    ///   - activity: activity of each observed service in the covered cohorts that year.
    ///   - weightedPopulation: `Σ_c w_c · N[c,t]` with the model's risk weights (capitation
    ///     and capitated cohort budgets; ignored otherwise).
    public func payment(_ model: PaymentModel, year t: Int, activity: [Double], weightedPopulation: Double) -> Double {
        let covered = Array(activity.prefix(coveredCount))
        switch model {
        case .activity(let adjustment):
            return PaymentFormulas.activity(prices: prices, activity: covered, tariffAdjustment: adjustment)
        case .block(let amount, let indexation):
            return PaymentFormulas.indexed(amount, indexation: indexation, year: t)
        case .blended(let terms):
            var met = false
            if let outcome = terms.outcome {
                let o = observedIndex(of: outcome.service)
                met = PaymentFormulas.targetMet(activity: activity[o], plan: plan[o][t], reduction: outcome.reduction)
            }
            let rates = BlendedRates(above: terms.aboveRate, below: terms.belowRate, outcomeShare: terms.outcome?.share ?? 0)
            return PaymentFormulas.blended(
                prices: prices, plan: (0..<coveredCount).map { plan[$0][t] }, activity: covered, terms: rates, targetMet: met)
        case .capitation(let terms):
            return PaymentFormulas.capitation(rate: terms.rate, indexation: terms.indexation, year: t, weightedPopulation: weightedPopulation)
        case .cohortBudget(let terms):
            let budget: Double
            switch terms.budget {
            case .amount(let amount, let indexation):
                budget = PaymentFormulas.indexed(amount, indexation: indexation, year: t)
            case .capitated(let capitation):
                budget = PaymentFormulas.capitation(rate: capitation.rate, indexation: capitation.indexation, year: t, weightedPopulation: weightedPopulation)
            }
            let spend = PaymentFormulas.atPrice(prices: prices, activity: covered)
            return PaymentFormulas.cohortBudget(
                budget: budget, spend: spend, gainShare: terms.gainShare, gainCap: terms.gainCap,
                lossShare: terms.lossShare, lossCap: terms.lossCap)
        }
    }
}

extension PaymentModel {
    /// The risk weights by cohort this model pays on, if it is capitated.
    var riskWeights: [Double]? {
        switch self {
        case .capitation(let terms): return terms.riskWeights
        case .cohortBudget(let terms):
            if case .capitated(let capitation) = terms.budget { return capitation.riskWeights }
            return nil
        default: return nil
        }
    }
}
