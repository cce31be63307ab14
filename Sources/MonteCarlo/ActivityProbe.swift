/// Extra per-draw results that payment models need (MODEL.md §6), recorded only when asked
/// for, so a plain `phm run` pays nothing for them.
///
/// A *stream* is the demand and activity of one service summed over a subset of cohorts, per
/// year; a *weighting* is the population `Σ_c w_c · N[c,t]` per year. The probe can also scale
/// demand (``demandScale``), which is how "prevention removes 1% of the contract's demand" is
/// run with common random numbers: the same draws and noise, demand × 0.99 where it applies.
public struct ActivityProbe: Sendable {
    /// Demand and activity of `service` summed over the cohorts where `cohorts[c]` is true.
    public struct Stream: Sendable, Hashable {
        public let service: Int
        public let cohorts: [Bool]

        public init(service: Int, cohorts: [Bool]) {
            self.service = service
            self.cohorts = cohorts
        }
    }

    public let streams: [Stream]
    /// Each a weight per cohort (0 leaves a cohort out).
    public let populationWeights: [[Double]]
    /// Factor applied to each cohort's demand for each service, `[s*C + c]`, after count noise;
    /// `nil` leaves demand as it is.
    public let demandScale: [Double]?

    public init(streams: [Stream], populationWeights: [[Double]], demandScale: [Double]? = nil) {
        self.streams = streams
        self.populationWeights = populationWeights
        self.demandScale = demandScale
    }
}

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
