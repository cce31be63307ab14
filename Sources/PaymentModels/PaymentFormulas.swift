/// The yearly payment of each model (MODEL.md §6), as pure functions of one year's activity,
/// plan and population, so each can be checked by hand. Notation: `p_s` price, `A_s` activity
/// and `plan_s` planned activity of covered service s in the covered cohorts; formulas and
/// choices are in docs/MODEL-NOTES.md, "Payment models".
public enum PaymentFormulas {
    /// Activity: `(1 + adjustment) · Σ_s p_s · A_s`.
    public static func activity(prices: [Double], activity: [Double], tariffAdjustment: Double) -> Double {
        (1 + tariffAdjustment) * atPrice(prices: prices, activity: activity)
    }

    /// `Σ_s p_s · A_s`.
    public static func atPrice(prices: [Double], activity: [Double]) -> Double {
        var total = 0.0
        for s in prices.indices { total += prices[s] * activity[s] }
        return total
    }

    /// A yearly amount: the list's entry for year t, or a single amount × (1 + indexation)^t.
    public static func indexed(_ amount: [Double], indexation: Double, year t: Int) -> Double {
        amount.count == 1 ? amount[0] * indexFactor(indexation, year: t) : amount[t]
    }

    /// (1 + r)^t, exactly 1 when r = 0.
    public static func indexFactor(_ r: Double, year t: Int) -> Double {
        r == 0 ? 1 : (0..<t).reduce(1.0) { product, _ in product * (1 + r) }
    }

    /// Blended: fixed element `F = Σ p·plan`; variable element
    /// `Σ p·(above·max(0, A − plan) − below·max(0, plan − A))`; the outcome share `ω·F` is paid
    /// only when `targetMet`. Payment = `(1 − ω)·F + variable + (targetMet ? ω·F : 0)`.
    public static func blended(prices: [Double], plan: [Double], activity: [Double], terms: BlendedRates, targetMet: Bool) -> Double {
        let fixed = atPrice(prices: prices, activity: plan)
        var variable = 0.0
        for s in prices.indices {
            let difference = activity[s] - plan[s]
            variable += prices[s] * (difference > 0 ? terms.above * difference : terms.below * difference)
        }
        let atRisk = terms.outcomeShare * fixed
        return fixed - atRisk + variable + (targetMet ? atRisk : 0)
    }

    /// Whether an outcome target `A ≤ (1 − reduction) · plan` is met.
    public static func targetMet(activity: Double, plan: Double, reduction: Double) -> Bool {
        activity <= (1 - reduction) * plan
    }

    /// Capitation: `rate · (1 + indexation)^t · Σ_c w_c · N[c,t]`.
    public static func capitation(rate: Double, indexation: Double, year t: Int, weightedPopulation: Double) -> Double {
        rate * indexFactor(indexation, year: t) * weightedPopulation
    }

    /// Cohort budget: the provider is paid its activity at price `S` plus its share of the gain
    /// `min(gainCap, gainShare·(B − S))` when `S ≤ B`, minus its share of the loss
    /// `min(lossCap, lossShare·(S − B))` when `S > B`.
    public static func cohortBudget(budget: Double, spend: Double, gainShare: Double, gainCap: Double, lossShare: Double, lossCap: Double) -> Double {
        let difference = budget - spend
        if difference >= 0 { return spend + min(gainCap, gainShare * difference) }
        return spend - min(lossCap, lossShare * -difference)
    }

    /// Provider cost: `fixed + Σ_s v_s · A_s`.
    public static func providerCost(fixed: Double, variable: [Double], activity: [Double]) -> Double {
        fixed + atPrice(prices: variable, activity: activity)
    }
}

/// The rates of a blended payment, with the outcome share (0 when there is no outcome target).
public struct BlendedRates: Hashable, Sendable {
    public let above: Double
    public let below: Double
    public let outcomeShare: Double

    public init(above: Double, below: Double, outcomeShare: Double) {
        self.above = above
        self.below = below
        self.outcomeShare = outcomeShare
    }
}
