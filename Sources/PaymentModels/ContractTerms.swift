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
    /// The alliance's members with their costs resolved; empty for a single provider. When there
    /// are members, the provider's cost is the sum of theirs.
    public let members: [MemberTerms]
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
        let prices = covered.map { contract.prices[$0] ?? scenario.services[$0].unitCost.distribution.mean }
        self.prices = prices
        plan = planActivity
        let unitCosts = covered.map { scenario.services[$0].unitCost.distribution.mean }
        let structure = CostStructure.Inputs(horizon: T, covered: covered, prices: prices, unitCosts: unitCosts, plan: planActivity)
        if contract.members.isEmpty {
            let whole = structure.cost(contract.cost, of: Array(covered.indices))
            members = []
            fixedCost = whole.fixed
            variableCost = whole.variable
        } else {
            let resolved = contract.members.map { member in
                let indices = member.services.map { covered.firstIndex(of: $0)! }
                return MemberTerms(name: member.name, services: indices, cost: structure.cost(member.cost ?? contract.cost, of: indices),
                                   gainShare: member.gainShare, lossShare: member.lossShare)
            }
            members = resolved
            fixedCost = (0..<T).map { t in resolved.reduce(0) { $0 + $1.cost.fixed[t] } }
            variableCost = covered.indices.map { i in resolved.reduce(0) { $0 + $1.cost.variable[i] } }
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
    public func payment(_ model: PaymentModel, year t: Int, activity: [Double], weightedPopulation: Double) -> Double {
        breakdown(model, year: t, activity: activity, weightedPopulation: weightedPopulation).payment
    }

    /// The commissioner's payment under `model` in year t, its components and triggers.
    /// - Parameters:
    ///   - activity: activity of each observed service in the covered cohorts that year.
    ///   - weightedPopulation: `Σ_c w_c · N[c,t]` with the model's risk weights (capitation
    ///     and capitated cohort budgets; ignored otherwise).
    public func breakdown(_ model: PaymentModel, year t: Int, activity: [Double], weightedPopulation: Double) -> PaymentBreakdown {
        let covered = Array(activity.prefix(coveredCount))
        let spend = PaymentFormulas.atPrice(prices: prices, activity: covered)
        /// A model whose only term is the difference between its payment and activity at price.
        func single(_ payment: Double) -> PaymentBreakdown {
            PaymentBreakdown(payment: payment, components: [payment - spend], triggered: [])
        }
        switch model {
        case .activity(let adjustment):
            return single(PaymentFormulas.activity(prices: prices, activity: covered, tariffAdjustment: adjustment))
        case .block(let amount, let indexation):
            return single(PaymentFormulas.indexed(amount, indexation: indexation, year: t))
        case .capitation(let terms):
            return single(PaymentFormulas.capitation(rate: terms.rate, indexation: terms.indexation, year: t, weightedPopulation: weightedPopulation))
        case .blended(let terms):
            var met = false
            if let outcome = terms.outcome {
                let o = observedIndex(of: outcome.service)
                met = PaymentFormulas.targetMet(activity: activity[o], plan: plan[o][t], reduction: outcome.reduction)
            }
            let rates = BlendedRates(above: terms.aboveRate, below: terms.belowRate, outcomeShare: terms.outcome?.share ?? 0)
            let planned = (0..<coveredCount).map { plan[$0][t] }
            let payment = PaymentFormulas.blended(prices: prices, plan: planned, activity: covered, terms: rates, targetMet: met)
            let fixed = PaymentFormulas.atPrice(prices: prices, activity: planned)
            let withheld = met ? 0 : -rates.outcomeShare * fixed
            return PaymentBreakdown(
                payment: payment, components: [fixed - spend, payment - fixed - withheld, withheld],
                triggered: terms.outcome == nil ? [] : [met])
        case .cohortBudget(let terms):
            let budget: Double
            switch terms.budget {
            case .amount(let amount, let indexation):
                budget = PaymentFormulas.indexed(amount, indexation: indexation, year: t)
            case .capitated(let capitation):
                budget = PaymentFormulas.capitation(rate: capitation.rate, indexation: capitation.indexation, year: t, weightedPopulation: weightedPopulation)
            }
            let payment = PaymentFormulas.cohortBudget(
                budget: budget, spend: spend, gainShare: terms.gainShare, gainCap: terms.gainCap,
                lossShare: terms.lossShare, lossCap: terms.lossCap)
            let difference = budget - spend
            var triggered = [difference < 0]
            if terms.gainCap.isFinite { triggered.append(difference >= 0 && terms.gainShare * difference > terms.gainCap) }
            if terms.lossCap.isFinite { triggered.append(difference < 0 && terms.lossShare * -difference > terms.lossCap) }
            let shared = payment - spend
            return PaymentBreakdown(payment: payment, components: [max(0, shared), min(0, shared)], triggered: triggered)
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
