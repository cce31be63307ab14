import ScenarioModel

/// Which health figure the board sees for an option against base, decided once from the
/// scenario and carried in ``RunSummary`` (and so in `summary.json`) for every report to read.
///
/// The figure itself is always ``Increment/netHealth``, the distributional evaluation's change in
/// total health (MODEL.md §4): when the scenario has `equity.opportunity_cost`, it subtracts the
/// health that the extra spending displaces elsewhere (ΔC / k, shared between the groups), and
/// every report says "net"; without it, it is the plain change in QALYs and no report says "net".
/// Reports used to guess this from whether the net and gross figures differed, which called an
/// option that costs nothing extra "gross" in one table and "net" in the next.
public enum HealthHeadline: String, Codable, Sendable {
    /// Change in total health net of the health displaced by extra cost.
    case netOfOpportunityCost = "net_of_opportunity_cost"
    /// Change in total QALYs, with no opportunity cost charged.
    case gross

    /// The scenario's choice: net exactly when it sets `equity.opportunity_cost`.
    public init(scenario: Scenario) {
        self = scenario.equity.opportunityCost != nil ? .netOfOpportunityCost : .gross
    }

    /// Whether the health figures are net of opportunity cost (for wording: "net QALYs gained").
    public var isNet: Bool { self == .netOfOpportunityCost }

    /// Whether one option's figure actually has displaced health taken off: the run is net and
    /// the option's extra cost displaces some (its net and gross gains differ by more than
    /// rounding, 1e-9 relative). A sentence about a cost-neutral option needs no "net of" aside.
    public func subtractsDisplacedHealth(_ increment: Increment) -> Bool {
        isNet && abs(increment.netHealth.mean - increment.qalys.mean) > 1e-9 * max(1, abs(increment.qalys.mean))
    }
}
