/// Count noise on demand (MODEL.md §3 extension `monte_carlo.stochastic`): given the expected
/// demand of a cohort for a service in a year, returns the demand used by the run.
public protocol DemandNoise {
    func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double
    /// True when ``demand(mean:cohort:service:year:)`` returns `mean` unchanged, so the engine
    /// can skip the per-cohort call (it is not specialised across modules).
    var isIdentity: Bool { get }
}

extension DemandNoise {
    public var isIdentity: Bool { false }
}

/// No count noise: demand is its expected value (deterministic mode and the default).
public struct NoDemandNoise: DemandNoise {
    public init() {}

    @inline(__always)
    public func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double { mean }

    public var isIdentity: Bool { true }
}
