import ParameterSampling
import SimulationEngine

/// Poisson count noise on demand (`monte_carlo.stochastic: poisson`): each cohort's demand
/// for a service in a year is a Poisson count around its expected value.
///
/// The stream of cohort c, service s, year t in draw d is the substream `c·T + t` of the stream
/// keyed by `(seed, d, "noise.services.NAME")`, so every option sees the same noise in a draw
/// (common random numbers) and no result depends on the order of computation. Expected values
/// above 10^9 are returned as they are: the Poisson's relative spread there is below 0.003%.
struct PoissonDemandNoise: DemandNoise {
    let seed: UInt64
    let draw: Int
    let serviceKeys: [UInt64]
    let horizon: Int

    func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double {
        guard mean > 0, mean < 1e9 else { return mean }
        var stream = RandomStream(seed: seed, draw: draw, key: serviceKeys[service]).substream(cohort * horizon + year)
        return Double(stream.poisson(mean: mean))
    }
}
