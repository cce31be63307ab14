/// A group of people who share one level of every dimension (MODEL.md §1 `cohorts`).
public struct Cohort: Hashable, Sendable {
    /// Level index for each dimension, in the order of ``Scenario/dimensions``.
    public let levels: [Int]
    /// Year-0 population `N[c,0]`.
    public let population: Parameter
    /// Utility of a person-year without any modelled need.
    public let utility: Parameter
    /// Yearly growth rate of the population.
    public let growth: Parameter
    /// Discounted QALYs a member still alive at the end of the horizon can expect, valued at
    /// year T (MODEL.md §2 "After the horizon"); `nil` = 0, no value after the horizon.
    public let qalysAfterHorizon: Parameter?

    public init(levels: [Int], population: Parameter, utility: Parameter, growth: Parameter, qalysAfterHorizon: Parameter? = nil) {
        self.levels = levels
        self.population = population
        self.utility = utility
        self.growth = growth
        self.qalysAfterHorizon = qalysAfterHorizon
    }

    /// The key used by `by_cohort` and in reports: level names joined by `/` in dimension order.
    public func key(in dimensions: [ScenarioDimension]) -> String {
        zip(levels, dimensions).map { $1.levels[$0] }.joined(separator: "/")
    }
}
