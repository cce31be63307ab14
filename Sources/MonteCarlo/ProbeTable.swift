/// What an ``ActivityProbe`` recorded, per option and draw.
///
/// Arrays are indexed option-major then draw, then stream (weighting, service), then year:
/// `activity[((o*D + d)*I + i)*T + t]`.
public struct ProbeTable: Sendable {
    public let draws: Int
    public let horizon: Int
    public let streamCount: Int
    public let weightingCount: Int
    public let serviceCount: Int
    /// Activity `Σ_{c in stream} A[c,s,t]`.
    public internal(set) var activity: [Double]
    /// Demand `Σ_{c in stream} D[c,s,t]` (after count noise and any scaling).
    public internal(set) var demand: [Double]
    /// `Σ_c w_c · N[c,t]` of each weighting.
    public internal(set) var population: [Double]
    /// Every service's budget in each year, after the option's shifts and `set`s.
    public internal(set) var serviceBudget: [Double]

    /// The yearly values of stream `i` for option `o` (position in the run's options) and draw `d`.
    public func activity(option o: Int, draw d: Int, stream i: Int) -> ArraySlice<Double> {
        let start = ((o * draws + d) * streamCount + i) * horizon
        return activity[start..<(start + horizon)]
    }

    public func demand(option o: Int, draw d: Int, stream i: Int) -> ArraySlice<Double> {
        let start = ((o * draws + d) * streamCount + i) * horizon
        return demand[start..<(start + horizon)]
    }

    public func population(option o: Int, draw d: Int, weighting w: Int) -> ArraySlice<Double> {
        let start = ((o * draws + d) * weightingCount + w) * horizon
        return population[start..<(start + horizon)]
    }

    public func serviceBudget(option o: Int, draw d: Int, service s: Int) -> ArraySlice<Double> {
        let start = ((o * draws + d) * serviceCount + s) * horizon
        return serviceBudget[start..<(start + horizon)]
    }
}
