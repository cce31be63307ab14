import ScenarioModel

/// One year's payment under one model, split into the contract's activity at price `S` and the
/// terms that move the payment away from it (the steps of the commissioner's spend waterfall),
/// with the caps, floors, thresholds and outcome payments the year triggered.
///
/// `payment = S + Σ components` exactly (docs/MODEL-NOTES.md, "Payment components and triggers").
public struct PaymentBreakdown: Sendable {
    public var payment: Double
    /// One value per ``PaymentModel/componentNames`` entry.
    public var components: [Double]
    /// One flag per ``PaymentModel/triggers`` entry.
    public var triggered: [Bool]
}

/// A contract term that may or may not apply in a year: a cap on the provider's gain, a floor on
/// its loss, a threshold such as the budget being overspent, or an outcome payment being earned.
public struct TriggerDefinition: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case cap, floor, threshold, outcome
    }

    public let name: String
    public let kind: Kind
    /// When it is triggered, in words for the report's definitions.
    public let definition: String
}

extension PaymentModel {
    /// Names of the terms between activity at price and the payment, in ``PaymentBreakdown`` order.
    public var componentNames: [String] {
        switch self {
        case .activity: return ["tariff adjustment"]
        case .block: return ["block above activity at price"]
        case .blended: return ["fixed element above activity at price", "variable element", "outcome payment withheld"]
        case .capitation: return ["capitation above activity at price"]
        case .cohortBudget: return ["gain share paid to the provider", "loss share borne by the provider"]
        }
    }

    /// The model's own triggers (caps only when finite, the outcome payment only when there is one).
    public var triggers: [TriggerDefinition] {
        switch self {
        case .blended(let terms) where terms.outcome != nil:
            return [TriggerDefinition(name: "outcome payment earned", kind: .outcome, definition: "the outcome target is met and the withheld share of the fixed element is paid")]
        case .cohortBudget(let terms):
            var result = [TriggerDefinition(name: "spend above cohort budget", kind: .threshold, definition: "activity at price exceeds the cohort budget, so the loss share applies")]
            if terms.gainCap.isFinite {
                result.append(TriggerDefinition(name: "gain cap binds", kind: .cap, definition: "the provider's share of the underspend exceeds the gain cap, so it keeps only the cap"))
            }
            if terms.lossCap.isFinite {
                result.append(TriggerDefinition(name: "loss cap binds", kind: .floor, definition: "the provider's share of the overspend exceeds the loss cap, so the commissioner pays the rest"))
            }
            return result
        default:
            return []
        }
    }
}
