import MonteCarlo

/// Every party's yearly money in one draw of one run of a contract, under every payment model:
/// what ``ContractAnalysis`` summarises over draws. Amounts are nominal (undiscounted) £.
///
/// Parties are numbered as ``ContractResult`` lists them: 0 the commissioner, 1 the provider (or
/// the alliance as a whole), then each member.
public struct ContractLedger: Sendable {
    /// Activity at contract prices `S[t]`, the commissioner's budget line `B[t]` and the
    /// provider's (alliance's) cost `C[t]`.
    public var spend: [Double]
    public var budget: [Double]
    public var cost: [Double]
    /// Each member's activity at price and cost, `[j][t]`.
    public var memberSpend: [[Double]]
    public var memberCost: [[Double]]
    /// Each model's payment `[m][t]`, its components summed over the horizon `[m][k]`, and the
    /// years each of its triggers fired `[m][k][t]`.
    public var payment: [[Double]]
    public var components: [[Double]]
    public var triggered: [[[Bool]]]
    /// Activity and demand of each covered service summed over the horizon (units).
    public var activity: [Double]
    public var demand: [Double]

    /// Number of parties: commissioner, provider, members.
    public var partyCount: Int { 2 + memberSpend.count }

    /// Income and cost of party `p` under model `m` in year `t`.
    public func party(_ p: Int, model m: Int, year t: Int, members: [MemberTerms]) -> (income: Double, cost: Double) {
        switch p {
        case 0: return (budget[t], payment[m][t])
        case 1: return (payment[m][t], cost[t])
        default:
            let j = p - 2
            return (members[j].income(payment: payment[m][t], spend: spend[t], ownSpend: memberSpend[j][t]), memberCost[j][t])
        }
    }

    /// Party p's part of outturn over the horizon: the payment for the commissioner, the outturn
    /// the commissioner does not pay (`S − P`) for the provider, `S_j − I_j` for a member.
    public func outturnPart(_ p: Int, model m: Int, members: [MemberTerms]) -> Double {
        (0..<spend.count).reduce(0.0) { total, t in
            let (income, _) = party(p, model: m, year: t, members: members)
            switch p {
            case 0: return total + payment[m][t]
            case 1: return total + spend[t] - income
            default: return total + memberSpend[p - 2][t] - income
            }
        }
    }
}

extension ContractAnalysis {
    /// The ledger of draw `d` of option `o` (its position in the run).
    public func ledger(_ table: ProbeTable, option o: Int, draw d: Int) -> ContractLedger {
        ledger(
            activity: streams.map { Array(table.activity(option: o, draw: d, stream: $0)) },
            demand: (0..<terms.coveredCount).map { i in table.demand(option: o, draw: d, stream: streams[i]).reduce(0, +) },
            serviceBudgets: terms.services.prefix(terms.coveredCount).map { Array(table.serviceBudget(option: o, draw: d, service: $0)) },
            populations: weightings.map { w in w.map { Array(table.population(option: o, draw: d, weighting: $0)) } })
    }

    /// The ledger of one draw given its numbers.
    /// - Parameters:
    ///   - activity: activity `[i][t]` of each observed service in the covered cohorts.
    ///   - demand: demand of each covered service over the horizon.
    ///   - serviceBudgets: budget `[i][t]` of each covered service (for the default budget line).
    ///   - populations: each model's weighted population `[t]`, nil when it is not capitated.
    public func ledger(activity: [[Double]], demand: [Double], serviceBudgets budgets: [[Double]], populations: [[Double]?]) -> ContractLedger {
        let T = terms.horizon, models = terms.contract.models
        let J = terms.members.count
        var ledger = ContractLedger(
            spend: [], budget: [], cost: [],
            memberSpend: .init(repeating: [], count: J), memberCost: .init(repeating: [], count: J),
            payment: .init(repeating: [], count: models.count),
            components: models.map { .init(repeating: 0, count: $0.componentNames.count) },
            triggered: models.map { .init(repeating: [], count: $0.triggers.count + 1) },
            activity: (0..<terms.coveredCount).map { i in activity[i].reduce(0, +) }, demand: demand)
        for t in 0..<T {
            let year = activity.map { $0[t] }
            let covered = Array(year.prefix(terms.coveredCount))
            let spend = PaymentFormulas.atPrice(prices: terms.prices, activity: covered)
            let budget = terms.budgetLine(year: t, serviceBudgets: budgets.map { $0[t] })
            ledger.spend.append(spend)
            ledger.budget.append(budget)
            ledger.cost.append(terms.providerCost(year: t, activity: year))
            for (j, member) in terms.members.enumerated() {
                ledger.memberSpend[j].append(member.services.reduce(0.0) { $0 + terms.prices[$1] * covered[$1] })
                ledger.memberCost[j].append(member.cost.cost(year: t, activity: covered))
            }
            for (m, model) in models.enumerated() {
                let breakdown = terms.breakdown(model, year: t, activity: year, weightedPopulation: populations[m]?[t] ?? 0)
                ledger.payment[m].append(breakdown.payment)
                for k in breakdown.components.indices { ledger.components[m][k] += breakdown.components[k] }
                for k in breakdown.triggered.indices { ledger.triggered[m][k].append(breakdown.triggered[k]) }
                ledger.triggered[m][breakdown.triggered.count].append(breakdown.payment > budget)
            }
        }
        return ledger
    }
}

/// The trigger every model has: the commissioner paying more than its budget line.
extension TriggerDefinition {
    public static let overBudgetLine = TriggerDefinition(
        name: "payment above budget line", kind: .threshold,
        definition: "the commissioner pays more than its budget line for the contract that year")
}
