/// A contract between the commissioner and one provider (MODEL.md §6): which services and
/// cohorts it covers, what the provider's costs are, what the commissioner has budgeted, and
/// the payment models to compare on the same Monte Carlo draws.
///
/// Contract terms are agreed numbers, not uncertain parameters: what varies between draws is
/// the activity and population the terms are applied to (see docs/MODEL-NOTES.md, "Payment
/// models").
public struct Contract: Hashable, Sendable {
    public let name: String
    /// Who delivers the services: one provider, or the alliance whose ``members`` share them.
    public let provider: String
    public let description: String
    /// Service indices covered, in file order.
    public let services: [Int]
    /// Allowed levels by dimension index, as interventions' `targets`; empty = every cohort.
    public let cohorts: [Int: Set<Int>]
    /// £ per unit of each covered service (by service index); the service's mean unit cost
    /// when the file gives none.
    public let prices: [Int: Double]
    public let cost: ProviderCost
    /// The commissioner's budget line for the contract, £ per year (one value or `horizon`
    /// values); `nil` = the covered services' budgets, in proportion to the covered cohorts'
    /// planned activity.
    public let budget: [Double]?
    /// The payment models compared, in file order.
    public let models: [PaymentModel]
    /// Alliance or lead-provider members, in file order; empty = a single provider.
    public let members: [ContractMember]
    /// Index in ``models`` of today's payment model (`current`, default the first listed): the
    /// reference every other model's change is measured from.
    public let current: Int
    /// Index in ``models`` of the model the commissioner proposes (`proposed`, default the
    /// first other model listed), the end of the spend waterfall; nil when only one model is listed.
    public let proposed: Int?

    public init(
        name: String, provider: String, description: String, services: [Int], cohorts: [Int: Set<Int>],
        prices: [Int: Double], cost: ProviderCost, budget: [Double]?, models: [PaymentModel],
        members: [ContractMember] = [], current: Int = 0, proposed: Int? = nil
    ) {
        self.name = name
        self.provider = provider
        self.description = description
        self.services = services
        self.cohorts = cohorts
        self.prices = prices
        self.cost = cost
        self.budget = budget
        self.models = models
        self.members = members
        self.current = current
        self.proposed = proposed ?? (models.count > 1 ? (current == 0 ? 1 : 0) : nil)
    }

    /// The value of a yearly list of contract terms in year `t`: one entry for every year, or
    /// one entry per year.
    public static func yearValue(_ values: [Double], year t: Int) -> Double {
        values.count == 1 ? values[0] : values[t]
    }

    /// Whether the contract covers `cohort`.
    public func covers(_ cohort: Cohort) -> Bool {
        cohorts.allSatisfy { dimension, levels in levels.contains(cohort.levels[dimension]) }
    }

    /// Every service whose activity the contract's payments read: the covered services, then
    /// any outcome-target service outside them.
    public var observedServices: [Int] {
        var result = services
        for model in models {
            if case .blended(let terms) = model, let outcome = terms.outcome, !result.contains(outcome.service) {
                result.append(outcome.service)
            }
        }
        return result
    }
}

/// The provider's costs of delivering a contract: `fixed[t] + Σ_s variable[s] · A[s,t]`.
public enum ProviderCost: Hashable, Sendable {
    /// A fixed cost per year (one value or `horizon` values) and a variable cost per unit of
    /// each covered service (by service index).
    case explicit(fixed: [Double], variable: [Int: Double])
    /// A fixed share `f` of today's cost, where today's cost is the planned activity at the
    /// services' mean unit costs: `fixed[t] = f · Σ_s unitCost[s] · plan[s,t]` and
    /// `variable[s] = (1 − f) · unitCost[s]`.
    case fixedShare(Double)
}
