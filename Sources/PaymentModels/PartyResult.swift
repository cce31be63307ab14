import DrawStatistics
/// Who a party is in a contract.
public enum PartyRole: String, Codable, Sendable {
    /// Pays the provider out of its budget line: income = budget line, cost = payment.
    case commissioner
    /// The single provider, or the alliance as a whole: income = payment, cost = its costs.
    case provider
    /// One member of an alliance: income = its activity at price plus its share of the
    /// alliance's gain or loss, cost = its own costs.
    case member
}

/// One party's position under one payment model, in nominal £ a year (the mean over the horizon
/// of each year's undiscounted amount), summarised over draws (docs/MODEL-NOTES.md, "Each
/// party's P&L" and "Risk in contract terms").
public struct PartyResult: Codable, Sendable {
    public let name: String
    public let role: PartyRole
    public let income: CashSummary
    public let cost: CashSummary
    /// Income − cost; for the commissioner, the budget line − payment (positive = underspend).
    public let margin: CashSummary
    /// Secondary: the margin discounted at the cost discount rate and summed over the horizon.
    public let marginPresentValue: Summary
    /// Share of draws in which the margin over the horizon is negative.
    public let pLoss: Double
    /// The overspend the party bears: in each year `max(0, cost − income)`, averaged over the
    /// horizon (£ a year); its mean and 95th percentile over draws.
    public let expectedOverspend: Double
    public let p95Overspend: Double
    /// The share of the variance of outturn (the contract's activity at price) that the party
    /// carries, `Cov(X_party, S) / Var(S)` with `X` its part of outturn: the payment for the
    /// commissioner, the outturn not paid (`S − P`) for the provider, `S_j − I_j` for a member.
    /// Shares add up to 1 over commissioner and provider; nil when outturn does not vary.
    public let outturnVarianceShare: Double?
    /// Change in the margin (£ a year) when prevention removes part of the contract's demand
    /// (same draws): positive = the contract rewards the party for prevention.
    public let preventionMarginChange: Summary
}

/// The change in one party's margin from today's model to another (£ a year, same draws).
public struct PartyChange: Codable, Sendable {
    public let party: String
    public let change: Summary
}
