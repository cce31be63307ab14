/// A service with a budget that buys capacity at a unit cost (MODEL.md §2).
public struct Service: Hashable, Sendable {
    public let name: String
    /// £ per unit of activity.
    public let unitCost: Parameter
    /// £ per year.
    public let budget: YearlyValue
    /// b[c,s]: need-independent units per person per year.
    public let baseRate: CohortValue
    /// a[c,s]: share of need-driven demand that is expressed.
    public let access: CohortValue
    /// η[s]: elasticity of demand to capacity relative to the base option.
    public let supplyElasticity: Parameter
    /// β[s]: share of unmet demand that returns the next year.
    public let carryover: Parameter
    /// λ[s]: QALYs lost per unit of unmet demand.
    public let qalyLossPerUnmet: Parameter
    /// μ[s]: deaths per unit of unmet demand.
    public let deathsPerUnmet: Parameter

    public init(
        name: String, unitCost: Parameter, budget: YearlyValue, baseRate: CohortValue,
        access: CohortValue, supplyElasticity: Parameter, carryover: Parameter,
        qalyLossPerUnmet: Parameter, deathsPerUnmet: Parameter
    ) {
        self.name = name
        self.unitCost = unitCost
        self.budget = budget
        self.baseRate = baseRate
        self.access = access
        self.supplyElasticity = supplyElasticity
        self.carryover = carryover
        self.qalyLossPerUnmet = qalyLossPerUnmet
        self.deathsPerUnmet = deathsPerUnmet
    }
}
