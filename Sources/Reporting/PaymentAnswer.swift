import PaymentModels

/// The first thing a finance lead reads about a contract: for each party, under the proposed
/// model, what do we get, what could we lose, and does the contract reward prevention; then how
/// each party's margin moves from today's model. Plain sentences in nominal £ a year; every
/// number is read from the ``PaymentReport`` (payments.json).
public enum PaymentAnswer {
    /// The model the answer is about: the proposed one, or today's when only one is listed.
    static func focus(_ contract: ContractResult) -> ModelResult {
        contract.models.first { $0.model == (contract.proposed ?? contract.current) }!
    }

    static func today(_ contract: ContractResult) -> ModelResult {
        contract.models.first { $0.model == contract.current }!
    }

    /// One sentence per party: get, could lose, prevention.
    public static func sentences(_ contract: ContractResult, report: PaymentReport) -> [String] {
        let model = focus(contract)
        let worst = "1 draw in \(Formatting.grouped(1 / report.worstShare))"
        return model.parties.map { party in
            let what = party.role == .commissioner ? "keeps" : "gets"
            let getting = party.role == .commissioner
                ? "pays \(Formatting.money(party.cost.mean)) a year against a budget line of \(Formatting.money(party.income.mean)) and \(what) \(Formatting.money(party.margin.mean, signed: true)) (90% interval \(Formatting.money(party.margin.p5, signed: true)) to \(Formatting.money(party.margin.p95, signed: true)))"
                : "gets \(Formatting.money(party.income.mean)) a year for costs of \(Formatting.money(party.cost.mean)), a margin of \(Formatting.money(party.margin.mean, signed: true)) (90% interval \(Formatting.money(party.margin.p5, signed: true)) to \(Formatting.money(party.margin.p95, signed: true)))"
            let losing = party.expectedOverspend > 0.5
                ? "could lose: it bears an expected overspend of \(Formatting.money(party.expectedOverspend)) a year (\(Formatting.money(party.p95Overspend)) at the 95th percentile), and its margin falls to \(Formatting.money(party.margin.worst, signed: true)) a year in the worst case (\(worst))"
                : "could lose: no overspend falls on it in any draw; its margin is \(Formatting.money(party.margin.worst, signed: true)) a year in the worst case (\(worst))"
            let change = party.preventionMarginChange
            let verdict = change.p5 > 0 ? "rewards prevention" : change.p95 < 0 ? "works against prevention" : (change.mean >= 0 ? "rewards prevention on average, not in every draw" : "works against prevention on average, not in every draw")
            let prevention = "when prevention removes \(Formatting.grouped(report.preventionReduction * 100))% of demand its margin moves \(Formatting.money(change.mean, signed: true)) a year (\(Formatting.money(change.p5, signed: true)) to \(Formatting.money(change.p95, signed: true))): the contract \(verdict)"
            let who = party.name == role(party.role) ? "**\(party.name)**" : "**\(party.name)** (\(role(party.role)))"
            return "\(who) under \(model.model): \(getting); \(losing); \(prevention)."
        }
    }

    /// "Moving from activity to cohort-budget: acute trust −£4.1m a year (…), …".
    public static func change(_ contract: ContractResult) -> String? {
        let model = focus(contract)
        guard !model.changeFromCurrent.isEmpty else { return nil }
        let parts = model.changeFromCurrent.map { "\($0.party) \(Formatting.money($0.change.mean, signed: true)) a year (\(Formatting.money($0.change.p5, signed: true)) to \(Formatting.money($0.change.p95, signed: true)))" }
        return "Moving from \(contract.current) to \(model.model): \(parts.joined(separator: ", "))."
    }

    static func role(_ role: PartyRole) -> String {
        switch role {
        case .commissioner: return "commissioner"
        case .provider: return "provider"
        case .member: return "alliance member"
        }
    }
}
