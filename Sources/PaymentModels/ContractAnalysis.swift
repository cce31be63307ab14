import DrawStatistics
import MonteCarlo
import ScenarioModel

/// Turns the probe tables of a payments run into a ``ContractResult``: per draw, a
/// ``ContractLedger`` of every party's yearly money under every model, then each figure
/// summarised over draws (MODEL.md §6; docs/MODEL-NOTES.md, "Payment models"). Pure
/// computation over per-draw arrays.
public struct ContractAnalysis: Sendable {
    public let terms: ContractTerms
    /// Stream of each observed service, and weighting of each model (nil = not capitated).
    public let streams: [Int]
    public let weightings: [Int?]
    /// 1/(1+r)^t at the cost discount rate, for the secondary present values.
    public let discount: [Double]
    /// Financial year labels, `2026/27`.
    public let years: [String]
    /// Share of draws beyond the worst case.
    public let worstShare: Double

    public init(terms: ContractTerms, streams: [Int], weightings: [Int?], discountRate: Double, years: [String], worstShare: Double) {
        self.terms = terms
        self.streams = streams
        self.weightings = weightings
        self.years = years
        self.worstShare = worstShare
        discount = (0..<terms.horizon).map { t in 1 / PaymentFormulas.indexFactor(discountRate, year: t) }
    }

    /// The contract's results for option `o`, from the main run and the prevention run (same
    /// draws, same seed: common random numbers).
    public func result(main: ProbeTable, prevention: ProbeTable, option o: Int, serviceNames: [String], cohortLabel: String) -> ContractResult {
        result(base: (0..<main.draws).map { ledger(main, option: o, draw: $0) },
               prevented: (0..<main.draws).map { ledger(prevention, option: o, draw: $0) },
               serviceNames: serviceNames, cohortLabel: cohortLabel)
    }

    /// The contract's results from each draw's ledger, and the same draws' ledgers with
    /// prevention (in the same order).
    public func result(base: [ContractLedger], prevented: [ContractLedger], serviceNames: [String], cohortLabel: String) -> ContractResult {
        let contract = terms.contract
        let byYear = { (series: (ContractLedger) -> [Double], adverse: CashSummary.Adverse) in
            years.indices.map { t in YearCash(year: years[t], CashSummary(base.map { series($0)[t] }, worstShare: worstShare, adverse: adverse)) }
        }
        let models = contract.models.indices.map { model($0, base: base, prevented: prevented) }
        var result = ContractResult(
            name: contract.name, provider: contract.provider, description: contract.description,
            services: contract.services.map { serviceNames[$0] }, cohorts: cohortLabel,
            members: terms.members.map(\.name), current: contract.models[contract.current].name,
            proposed: contract.proposed.map { contract.models[$0].name },
            budgetByYear: byYear(\.budget, .low), budgetPresentValue: Summary(base.map { presentValue($0.budget) }),
            costByYear: byYear(\.cost, .high), outturnByYear: byYear(\.spend, .high),
            plannedActivity: (0..<terms.coveredCount).map { terms.plan[$0].reduce(0, +) },
            activity: (0..<terms.coveredCount).map { i in Summary(base.map { $0.activity[i] }) },
            demand: (0..<terms.coveredCount).map { i in Summary(base.map { $0.demand[i] }) },
            models: models.map { $0.with(changes: changes(from: models[contract.current], to: $0, index: $0.index)) })
        result.draws = models.flatMap { draft in
            base.indices.map { d in
                PaymentDraw(draw: d, model: draft.result.model, payment: perYear(base[d].payment[draft.index].reduce(0, +)), margins: draft.margins.map { $0[d] })
            }
        }
        return result
    }

    /// Σ_t values[t] / (1 + r)^t.
    func presentValue(_ values: [Double]) -> Double {
        zip(values, discount).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Mean over the horizon's years, £ a year.
    func perYear(_ total: Double) -> Double { total / Double(terms.horizon) }

    /// A model's result before the changes from today's model are known, with each party's
    /// margin in every draw (£ a year) to compute them.
    struct Draft {
        let index: Int
        let result: ModelResult
        let margins: [[Double]]

        func with(changes: [PartyChange]) -> ModelResult {
            let r = result
            return ModelResult(
                model: r.model, cashByYear: r.cashByYear, payment: r.payment, paymentPresentValue: r.paymentPresentValue,
                parties: r.parties, changeFromCurrent: changes, components: r.components, triggers: r.triggers,
                incentiveAlignment: r.incentiveAlignment, preventionPaymentChange: r.preventionPaymentChange)
        }
    }

    func changes(from current: Draft, to draft: Draft, index: Int) -> [PartyChange] {
        guard index != current.index else { return [] }
        return draft.result.parties.indices.map { p in
            PartyChange(party: draft.result.parties[p].name, change: Summary(zip(draft.margins[p], current.margins[p]).map { $0 - $1 }))
        }
    }

    func model(_ m: Int, base: [ContractLedger], prevented: [ContractLedger]) -> Draft {
        let model = terms.contract.models[m]
        let T = terms.horizon, n = Double(base.count)
        let names = ["commissioner", terms.contract.provider] + terms.members.map(\.name)
        let roles: [PartyRole] = [.commissioner, .provider] + terms.members.map { _ in .member }
        let outturn = base.map { $0.spend.reduce(0, +) }
        var parties: [PartyResult] = []
        var margins: [[Double]] = []
        for p in names.indices {
            let years = { (ledger: ContractLedger) in (0..<T).map { ledger.party(p, model: m, year: $0, members: terms.members) } }
            let flows = base.map(years)
            let income = flows.map { perYear($0.reduce(0) { $0 + $1.income }) }
            let cost = flows.map { perYear($0.reduce(0) { $0 + $1.cost }) }
            let margin = zip(income, cost).map { $0 - $1 }
            let preventedMargin = prevented.map(years).map { perYear($0.reduce(0) { $0 + $1.income - $1.cost }) }
            let overspend = flows.map { perYear($0.reduce(0) { $0 + max(0, $1.cost - $1.income) }) }
            margins.append(margin)
            parties.append(PartyResult(
                name: names[p], role: roles[p],
                income: CashSummary(income, worstShare: worstShare, adverse: .low),
                cost: CashSummary(cost, worstShare: worstShare, adverse: .high),
                margin: CashSummary(margin, worstShare: worstShare, adverse: .low),
                marginPresentValue: Summary(flows.map { presentValue($0.map { $0.income - $0.cost }) }),
                pLoss: Double(margin.filter { $0 < 0 }.count) / n,
                expectedOverspend: overspend.reduce(0, +) / n,
                p95Overspend: CashSummary(overspend, worstShare: worstShare, adverse: .high).p95,
                outturnVarianceShare: Self.varianceShare(base.map { $0.outturnPart(p, model: m, members: terms.members) }, of: outturn),
                preventionMarginChange: Summary(zip(preventedMargin, margin).map { $0 - $1 })))
        }
        let definitions = model.triggers + [.overBudgetLine]
        let triggers = definitions.enumerated().map { k, definition in
            TriggerResult(
                name: definition.name, kind: definition.kind, definition: definition.definition,
                shareOfDraws: Double(base.filter { $0.triggered[m][k].contains(true) }.count) / n,
                shareOfYears: Double(base.reduce(0) { $0 + $1.triggered[m][k].filter { $0 }.count }) / (n * Double(T)))
        }
        let payment = base.map { perYear($0.payment[m].reduce(0, +)) }
        let result = ModelResult(
            model: model.name,
            cashByYear: years.indices.map { t in YearCash(year: years[t], CashSummary(base.map { $0.payment[m][t] }, worstShare: worstShare, adverse: .high)) },
            payment: CashSummary(payment, worstShare: worstShare, adverse: .high),
            paymentPresentValue: Summary(base.map { presentValue($0.payment[m]) }),
            parties: parties, changeFromCurrent: [],
            components: model.componentNames.enumerated().map { k, name in
                PaymentComponent(name: name, mean: base.reduce(0) { $0 + perYear($1.components[m][k]) } / n)
            },
            triggers: triggers,
            incentiveAlignment: parties[1].preventionMarginChange,
            preventionPaymentChange: Summary(zip(prevented, payment).map { perYear($0.0.payment[m].reduce(0, +)) - $0.1 }))
        return Draft(index: m, result: result, margins: margins)
    }

    /// `Cov(part, outturn) / Var(outturn)` over draws; nil when outturn does not vary (one draw,
    /// or variation within rounding of its size).
    static func varianceShare(_ part: [Double], of outturn: [Double]) -> Double? {
        let n = Double(outturn.count)
        guard outturn.count > 1 else { return nil }
        let meanOutturn = outturn.reduce(0, +) / n, meanPart = part.reduce(0, +) / n
        var covariance = 0.0, variance = 0.0
        for (x, s) in zip(part, outturn) {
            covariance += (x - meanPart) * (s - meanOutturn)
            variance += (s - meanOutturn) * (s - meanOutturn)
        }
        let scale = 1e-12 * abs(meanOutturn)
        guard variance / (n - 1) > scale * scale, variance > 0 else { return nil }
        return covariance / variance
    }
}
