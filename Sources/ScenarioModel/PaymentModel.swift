/// How a contract pays its provider (MODEL.md §6). Each case's terms are read from
/// `contracts.NAME.models.MODEL` in a scenario file; the formulas are in
/// docs/MODEL-NOTES.md, "Payment models".
public enum PaymentModel: Hashable, Sendable {
    /// Price × activity, the price adjusted by a tariff adjustment: `(1 + adj) · Σ_s p_s · A[s,t]`.
    case activity(tariffAdjustment: Double)
    /// A fixed sum per year, `amount[t]`, or `amount · (1 + indexation)^t` for a single amount.
    case block(amount: [Double], indexation: Double)
    /// NHS aligned payment and incentive: a fixed element on planned activity, a variable
    /// element for activity above or below plan, and an outcome-linked share of the fixed element.
    case blended(BlendedTerms)
    /// A rate per person per year × the cohort's risk weight × population, indexed per year.
    case capitation(CapitationTerms)
    /// A capitated budget for the covered cohorts across the covered services, with the
    /// provider paid for activity and sharing the gain or loss against the budget.
    case cohortBudget(CohortBudgetTerms)

    /// The model's name as written in scenario files and reports.
    public var name: String {
        switch self {
        case .activity: return "activity"
        case .block: return "block"
        case .blended: return "blended"
        case .capitation: return "capitation"
        case .cohortBudget: return "cohort-budget"
        }
    }

    /// Every model name, in the order reports list them.
    public static let names = ["activity", "block", "blended", "capitation", "cohort-budget"]
}

/// Terms of a blended (aligned payment and incentive) contract.
///
/// Fixed element `F[t] = Σ_s p_s · plan[s,t]`; variable element
/// `Σ_s p_s · (above · max(0, A − plan) − below · max(0, plan − A))`; a share `ω` of the fixed
/// element is paid only in years when the outcome target is met.
public struct BlendedTerms: Hashable, Sendable {
    /// Marginal rate of the price paid for each unit above plan.
    public let aboveRate: Double
    /// Marginal rate of the price deducted for each unit below plan.
    public let belowRate: Double
    public let outcome: OutcomeTarget?

    public init(aboveRate: Double, belowRate: Double, outcome: OutcomeTarget?) {
        self.aboveRate = aboveRate
        self.belowRate = belowRate
        self.outcome = outcome
    }
}

/// An outcome-linked payment: `share` of the fixed element is paid in year t when the covered
/// cohorts' activity of `service` is at least `reduction` below its plan:
/// `A[o,t] ≤ (1 − reduction) · plan[o,t]`.
public struct OutcomeTarget: Hashable, Sendable {
    public let share: Double
    /// Service index whose activity measures the outcome (e.g. emergency admissions).
    public let service: Int
    public let reduction: Double

    public init(share: Double, service: Int, reduction: Double) {
        self.share = share
        self.service = service
        self.reduction = reduction
    }
}

/// A rate per person per year weighted by cohort: `rate · (1 + indexation)^t · Σ_c w_c · N[c,t]`
/// over the covered cohorts.
public struct CapitationTerms: Hashable, Sendable {
    /// £ per person per year at risk weight 1.
    public let rate: Double
    public let indexation: Double
    /// Risk weight of every cohort of the scenario, in cohort order (1 where the file gives none).
    public let riskWeights: [Double]

    public init(rate: Double, indexation: Double, riskWeights: [Double]) {
        self.rate = rate
        self.indexation = indexation
        self.riskWeights = riskWeights
    }
}

/// A cohort budget with gain and loss shares.
///
/// The provider is paid for its activity at price, `S[t] = Σ_s p_s · A[s,t]`; against the
/// budget `B[t]` it keeps `min(gainCap, gainShare · (B − S))` of an underspend and bears
/// `min(lossCap, lossShare · (S − B))` of an overspend.
public struct CohortBudgetTerms: Hashable, Sendable {
    public enum Budget: Hashable, Sendable {
        /// £ per year (one value or `horizon` values), a single value indexed per year.
        case amount([Double], indexation: Double)
        /// Capitated: as ``CapitationTerms``.
        case capitated(CapitationTerms)
    }

    public let budget: Budget
    /// Provider's share of an underspend, and the most it can gain in a year (∞ = no cap).
    public let gainShare: Double
    public let gainCap: Double
    /// Provider's share of an overspend, and the most it can lose in a year (∞ = no floor).
    public let lossShare: Double
    public let lossCap: Double

    public init(budget: Budget, gainShare: Double, gainCap: Double, lossShare: Double, lossCap: Double) {
        self.budget = budget
        self.gainShare = gainShare
        self.gainCap = gainCap
        self.lossShare = lossShare
        self.lossCap = lossCap
    }
}
