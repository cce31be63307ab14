/// Count noise on demand (MODEL.md §3 extension `monte_carlo.stochastic`): given the expected
/// demand of a cohort for a service in a year, returns the demand used by the run.
public protocol DemandNoise {
    func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double
}

/// No count noise: demand is its expected value (deterministic mode and the default).
public struct NoDemandNoise: DemandNoise {
    public init() {}

    @inline(__always)
    public func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double { mean }
}
