import ScenarioModel

/// A provider's (or one alliance member's) costs resolved to numbers: `fixed[t] + Σ_i variable[i] · A[i,t]`
/// over the contract's covered services (variable cost 0 for services another member delivers).
public struct CostStructure: Hashable, Sendable {
    public let fixed: [Double]
    public let variable: [Double]

    /// What resolving a ``ProviderCost`` needs: covered services' prices, mean unit costs and plan `[i][t]`.
    struct Inputs {
        let horizon: Int
        let covered: [Int]
        let prices: [Double]
        let unitCosts: [Double]
        let plan: [[Double]]

        /// The cost of delivering covered services `indices` (positions among the covered services).
        ///
        /// `fixed_share f`: `fixed[t] = f · Σ_{i} unitCost_i · plan_i[t]`, `variable_i = (1 − f) · unitCost_i`.
        /// Explicit `fixed` and `variable`: the variable costs of the services, and the part of
        /// the fixed cost in proportion to the services' planned activity at price (all of it
        /// when `indices` is every covered service).
        func cost(_ cost: ProviderCost, of indices: [Int]) -> CostStructure {
            var variable = [Double](repeating: 0, count: covered.count)
            switch cost {
            case .fixedShare(let share):
                for i in indices { variable[i] = (1 - share) * unitCosts[i] }
                let fixed = (0..<horizon).map { t in share * indices.reduce(0.0) { $0 + unitCosts[$1] * plan[$1][t] } }
                return CostStructure(fixed: fixed, variable: variable)
            case .explicit(let fixedCost, let variableCost):
                for i in indices { variable[i] = variableCost[covered[i]] ?? 0 }
                let fixed = (0..<horizon).map { t -> Double in
                    let whole = Contract.yearValue(fixedCost, year: t)
                    guard indices.count < covered.count else { return whole }
                    let total = covered.indices.reduce(0.0) { $0 + prices[$1] * plan[$1][t] }
                    let part = indices.reduce(0.0) { $0 + prices[$1] * plan[$1][t] }
                    return total > 0 ? whole * part / total : whole * Double(indices.count) / Double(covered.count)
                }
                return CostStructure(fixed: fixed, variable: variable)
            }
        }
    }

    /// Cost in year t of covered activity `activity[i]`.
    public func cost(year t: Int, activity: [Double]) -> Double {
        PaymentFormulas.providerCost(fixed: fixed[t], variable: variable, activity: activity)
    }
}

/// One alliance member with its services (positions among the contract's covered services),
/// costs and shares of the alliance's gain and loss (see ``ContractMember``).
public struct MemberTerms: Hashable, Sendable {
    public let name: String
    public let services: [Int]
    public let cost: CostStructure
    public let gainShare: Double
    public let lossShare: Double

    /// The member's income in a year: its activity at price plus its share of the alliance's
    /// gain (payment ≥ activity at price) or loss, `S_j + share_j · (P − S)`.
    public func income(payment: Double, spend: Double, ownSpend: Double) -> Double {
        let difference = payment - spend
        return ownSpend + (difference >= 0 ? gainShare : lossShare) * difference
    }
}
