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
