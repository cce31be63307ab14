import DrawStatistics
import ScenarioModel

/// What `phm payments` reports (MODEL.md §6): for one option, each contract's payment models
/// side by side on the same draws. Money leads with nominal (undiscounted) £ per financial year;
/// present values, discounted at `discount.costs`, are secondary and labelled so (see
/// docs/MODEL-NOTES.md, "Payment models").
public struct PaymentReport: Codable, Sendable {
    public let scenario: String
    public let option: String
    public let draws: Int
    public let seed: UInt64
    public let deterministic: Bool
    public let horizon: Int
    /// Calendar year in which year 0 (April to March) begins.
    public let startYear: Int
    /// Financial year labels, `2026/27`, one per year of the horizon.
    public let years: [String]
    public let discountRate: Double
    /// Share of draws beyond the worst case (0.01: P99 of a payment, P1 of a margin).
    public let worstShare: Double
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
    /// Alliance members, in file order (empty for a single provider).
    public let members: [String]
    /// Today's model and the proposed one (nil when the contract lists one model).
    public let current: String
    public let proposed: String?
    /// The commissioner's budget line in each financial year (nominal).
    public let budgetByYear: [YearCash]
    /// Secondary: the budget line's present value over the horizon.
    public let budgetPresentValue: Summary
    /// The provider's (alliance's) cost in each financial year: the same under every model.
    public let costByYear: [YearCash]
    /// Activity at contract prices in each year, `S`: the outturn every model is measured against.
    public let outturnByYear: [YearCash]
    /// Planned activity of each covered service over the horizon (undiscounted units).
    public let plannedActivity: [Double]
    /// Activity and demand of each covered service over the horizon (undiscounted units).
    public let activity: [Summary]
    public let demand: [Summary]
    public let models: [ModelResult]
    /// Each draw's payment and party margins under each model (£ a year), for payments_draws.csv
    /// and the workbook's Draws sheet; not written to payments.json, which holds summaries.
    public var draws: [PaymentDraw] = []

    enum CodingKeys: String, CodingKey {
        case name, provider, description, services, cohorts, members, current, proposed
        case budgetByYear, budgetPresentValue, costByYear, outturnByYear, plannedActivity, activity, demand, models
    }
}

/// One draw under one model: the payment and each party's margin, nominal £ a year, parties in
/// ``ModelResult/parties`` order.
public struct PaymentDraw: Sendable {
    public let draw: Int
    public let model: String
    public let payment: Double
    public let margins: [Double]
}

/// One payment model of a contract over the draws.
public struct ModelResult: Codable, Sendable {
    public let model: String
    /// What the commissioner pays in each financial year (nominal).
    public let cashByYear: [YearCash]
    /// The payment in £ a year (nominal, the mean over the horizon's years).
    public let payment: CashSummary
    /// Secondary: the payment discounted and summed over the horizon.
    public let paymentPresentValue: Summary
    /// Commissioner, provider (or alliance), then each member.
    public let parties: [PartyResult]
    /// Each party's change in margin from today's model (empty for today's model).
    public let changeFromCurrent: [PartyChange]
    /// The terms between activity at price and the payment, mean £ a year.
    public let components: [PaymentComponent]
    public let triggers: [TriggerResult]
    /// The provider's change in margin (£ a year) when prevention removes part of the demand.
    public let incentiveAlignment: Summary
    /// The commissioner's change in payment (£ a year) in the same test.
    public let preventionPaymentChange: Summary
}

/// One term of a payment model, mean £ a year.
public struct PaymentComponent: Codable, Sendable {
    public let name: String
    public let mean: Double
}

/// How often a cap, floor, threshold or outcome payment is triggered.
public struct TriggerResult: Codable, Sendable {
    public let name: String
    public let kind: TriggerDefinition.Kind
    public let definition: String
    /// Share of draws with at least one year triggered.
    public let shareOfDraws: Double
    /// Share of draw-years triggered.
    public let shareOfYears: Double
}
