/// The key tables of `contracts:` (MODEL.md §6; formulas in docs/MODEL-NOTES.md "Payment models").
extension ScenarioSchema {
    /// A number, or a list of `horizon` numbers (contract terms are agreed sums, not distributions).
    static let yearlyNumber = ValueKind.oneOf([nonNegative, .list(nonNegative)])

    public static let providerCost = ObjectSpec("cost", "The provider's costs: `fixed` and `variable`, or `fixed_share`.", [
        KeySpec("fixed", "£ per year that does not vary with activity: one value or `horizon` values.", yearlyNumber),
        KeySpec("variable", "£ per unit of activity: one number for every covered service, or {SERVICE: £}.", .oneOf([nonNegative, .namedMap(nonNegative, keyDescription: "service")])),
        KeySpec("fixed_share", "Share of today's cost (planned activity at unit cost) that is fixed; the rest varies with activity.", share),
    ])

    public static let activityModel = ObjectSpec("activity", "Price × activity.", [
        KeySpec("tariff_adjustment", "Change to every price, e.g. -0.011 for a 1.1% efficiency deflator (default 0).", .number(minimum: -1, maximum: nil)),
    ])

    public static let blockModel = ObjectSpec("block", "A fixed sum a year.", [
        KeySpec("amount", required: true, "£ per year: one value, or `horizon` values.", yearlyNumber),
        KeySpec("indexation", "Yearly uplift of a single amount: amount × (1 + indexation)^t (default 0).", .number(minimum: -1, maximum: nil)),
    ])

    public static let outcomeTarget = ObjectSpec("outcome", "Share of the fixed element paid when an activity target is met.", [
        KeySpec("share", required: true, "Share of the fixed element at risk, paid only in years the target is met.", share),
        KeySpec("service", required: true, "Service whose activity in the covered cohorts measures the outcome, e.g. emergency_admission.", .string(pattern: nil)),
        KeySpec("reduction", required: true, "Target: activity at least this share below plan, e.g. 0.02.", share),
    ])

    public static let blendedModel = ObjectSpec("blended", "Aligned payment and incentive: fixed element on plan, variable element, outcome share.", [
        KeySpec("above_plan", "Marginal rate of the price paid per unit above plan (default 0).", nonNegative),
        KeySpec("below_plan", "Marginal rate of the price deducted per unit below plan (default 0).", nonNegative),
        KeySpec("outcome", "Outcome-linked share of the fixed element.", .object(outcomeTarget)),
    ])

    public static let capitationModel = ObjectSpec("capitation", "A rate per person × risk weight.", [
        KeySpec("rate", required: true, "£ per person per year at risk weight 1.", nonNegative),
        KeySpec("indexation", "Yearly uplift of the rate (default 0).", .number(minimum: -1, maximum: nil)),
        KeySpec("risk_weights", "Risk weight by cohort, {base, multiply, by_cohort} (default 1).", .cohortQuantity),
    ])

    public static let riskShare = ObjectSpec("share", "How a gain or loss against the budget is shared.", [
        KeySpec("share", required: true, "Provider's share of the gain or loss.", share),
        KeySpec("cap", "Most the provider gains (or loses) in a year, £ (default: no cap).", nonNegative),
    ])

    public static let cohortBudgetModel = ObjectSpec("cohort-budget", "A capitated budget across services with gain and loss shares.", [
        KeySpec("amount", "Budget, £ per year: one value or `horizon` values (give `amount` or `rate`).", yearlyNumber),
        KeySpec("rate", "Capitated budget: £ per person per year at risk weight 1.", nonNegative),
        KeySpec("risk_weights", "Risk weight by cohort for `rate` (default 1).", .cohortQuantity),
        KeySpec("indexation", "Yearly uplift of a single amount or of the rate (default 0).", .number(minimum: -1, maximum: nil)),
        KeySpec("gain", "Provider's share of an underspend and its cap (default share 0).", .object(riskShare)),
        KeySpec("loss", "Provider's share of an overspend and its cap, the floor on its position (default share 0).", .object(riskShare)),
    ])

    public static let paymentModels = ObjectSpec("models", "Payment models to compare on the same draws; at least one.", [
        KeySpec("activity", "Price × activity.", .object(activityModel)),
        KeySpec("block", "A fixed sum a year.", .object(blockModel)),
        KeySpec("blended", "Fixed element on plan + variable element + outcome share.", .object(blendedModel)),
        KeySpec("capitation", "Rate per person × risk weight.", .object(capitationModel)),
        KeySpec("cohort-budget", "Capitated budget with gain and loss shares.", .object(cohortBudgetModel)),
    ])

    public static let memberCost = ObjectSpec("cost", "The member's costs (default: the contract's `cost` on the member's services).", [
        KeySpec("fixed_share", required: true, "Share of the member's today's cost (planned activity at unit cost) that is fixed.", share),
    ])

    public static let member = ObjectSpec("member", "One member of an alliance: its services, costs and shares of the alliance's gain and loss.", [
        KeySpec("services", required: true, "The contract's services this member delivers (each contract service has exactly one member).", .list(.string(pattern: nil))),
        KeySpec("cost", "The member's cost structure.", .object(memberCost)),
        KeySpec("gain_share", required: true, "Member's share of the alliance's gain (payment above activity at price); members' shares add up to 1.", share),
        KeySpec("loss_share", required: true, "Member's share of the alliance's loss (payment below activity at price); members' shares add up to 1.", share),
    ])

    public static let contract = ObjectSpec("contract", "A contract with one provider and the payment models to compare (MODEL.md §6).", [
        KeySpec("provider", required: true, "Who delivers the services: one provider, or the alliance of `members`.", .string(pattern: nil)),
        KeySpec("description", "One line for reports.", .string(pattern: nil)),
        KeySpec("services", required: true, "Services covered.", .list(.string(pattern: nil))),
        KeySpec("cohorts", "Cohort filter {dimension: [levels]} as interventions' `targets`; omitted = every cohort.", .namedMap(.list(.string(pattern: nil)), keyDescription: "dimension")),
        KeySpec("prices", "£ per unit by service (default: the service's mean unit cost).", .namedMap(nonNegative, keyDescription: "service")),
        KeySpec("cost", required: true, "The provider's cost structure.", .object(providerCost)),
        KeySpec("budget", "Commissioner's budget line, £ per year (default: the covered services' budgets, in proportion to the covered cohorts' planned activity).", yearlyNumber),
        KeySpec("models", required: true, "Payment models by name: activity, block, blended, capitation, cohort-budget.", .object(paymentModels)),
        KeySpec("current", "Today's payment model, the reference for every change (default: the first listed).", .string(pattern: nil)),
        KeySpec("proposed", "The model proposed, the end of the commissioner's spend waterfall (default: the first other model listed).", .string(pattern: nil)),
        KeySpec("members", "Alliance members by name, each paid its activity at price plus its share of the alliance's gain or loss.", .namedMap(.object(member), keyDescription: "member")),
    ])
}
