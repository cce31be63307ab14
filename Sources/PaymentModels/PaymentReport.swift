import DrawStatistics

/// What `phm payments` reports (MODEL.md §6): for one option, each contract's payment models
/// side by side on the same draws. Money is £, discounted to year 0 at `discount.costs` and
/// summed over the horizon (see docs/MODEL-NOTES.md, "Payment models").
public struct PaymentReport: Codable, Sendable {
    public let scenario: String
    public let option: String
    public let draws: Int
    public let seed: UInt64
    public let deterministic: Bool
    public let horizon: Int
    public let discountRate: Double
    /// Share of each contract's demand that prevention removes in the incentive test (0.01).
    public let preventionReduction: Double
    public let contracts: [ContractResult]
}

/// One contract under every payment model it lists.
public struct ContractResult: Codable, Sendable {
    public let name: String
    public let provider: String
    public let description: String
    public let services: [String]
    /// The cohort filter as written, e.g. `age: 85+`, or `all cohorts`.
    public let cohorts: String
    /// The commissioner's budget line for the contract (present value over the horizon).
    public let budgetLine: Summary
    /// Mean budget line in each year (undiscounted).
    public let yearlyBudgetLine: [Double]
    /// Planned activity of each covered service over the horizon (undiscounted units).
    public let plannedActivity: [Double]
    /// Activity of each covered service over the horizon (undiscounted units).
    public let activity: [Summary]
    /// Demand of each covered service over the horizon (undiscounted units); above activity
    /// where the service rations.
    public let demand: [Summary]
    public let models: [ModelResult]
}

/// One payment model of a contract over the draws.
public struct ModelResult: Codable, Sendable {
    public let model: String
    /// What the commissioner pays the provider; the provider's income from the contract.
    public let commissionerPayment: Summary
    public let providerIncome: Summary
    public let providerCost: Summary
    /// Income − cost.
    public let providerMargin: Summary
    /// Budget line − payment (positive = underspend).
    public let commissionerPosition: Summary
    /// Share of draws in which the provider's margin is negative.
    public let pProviderDeficit: Double
    /// Share of draws in which the payment exceeds the budget line.
    public let pCommissionerOverspend: Double
    /// Mean over all draws of max(0, payment − budget line).
    public let expectedOverspend: Double
    /// `Var(margin) / (Var(margin) + Var(payment))`: the share of the financial variance that the
    /// provider carries; absent when neither varies (one draw, or no uncertainty).
    public let providerRiskShare: Double?
    /// Mean change in provider margin when prevention removes the contract's demand share
    /// (common random numbers); positive = the contract rewards prevention.
    public let incentiveAlignment: Double
    /// Mean change in the commissioner's payment in the same test.
    public let preventionPaymentChange: Double
    /// Mean payment and provider cost in each year (undiscounted; margin = payment − cost).
    public let yearlyPayment: [Double]
    public let yearlyCost: [Double]
}
