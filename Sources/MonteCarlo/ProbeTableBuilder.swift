import Foundation
import SimulationEngine

/// Collects probe results from concurrent workers; each (option, draw) slot is written by one
/// worker only (hence `@unchecked Sendable`, as ``DrawTableBuilder``).
final class ProbeTableBuilder: @unchecked Sendable {
    let probe: ActivityProbe
    let draws: Int, horizon: Int, services: Int
    let activity: DoubleBuffer, demand: DoubleBuffer, population: DoubleBuffer, budget: DoubleBuffer

    init(probe: ActivityProbe, layout: ModelLayout, options: Int, draws: Int) {
        self.probe = probe
        self.draws = draws
        horizon = layout.horizon
        services = layout.serviceCount
        let rows = options * draws * horizon
        activity = DoubleBuffer(count: rows * probe.streams.count)
        demand = DoubleBuffer(count: rows * probe.streams.count)
        population = DoubleBuffer(count: rows * probe.populationWeights.count)
        budget = DoubleBuffer(count: rows * services)
    }

    /// Sums the recorded cohort demand of each stream and rations it as the engine did: every
    /// cohort of a service is served in the same proportion, `Σ_c A / Σ_c D` of that year.
    func record(_ outcome: SimulationOutcome, inputs x: ResolvedInputs, recorder: ProbeRecorder, option o: Int, draw d: Int) {
        let T = horizon, C = recorder.cohorts, row = o * draws + d
        for (i, stream) in probe.streams.enumerated() {
            let s = stream.service, slot = recorder.slot[s]
            let base = (row * probe.streams.count + i) * T
            for t in 0..<T {
                let total = outcome.yearlyDemand[s * T + t]
                let served = total > 0 ? outcome.yearlyActivity[s * T + t] / total : 0
                var sum = 0.0
                for c in 0..<C where stream.cohorts[c] { sum += recorder.cohortDemand[(slot * C + c) * T + t] }
                demand[base + t] = sum
                activity[base + t] = sum * served
            }
        }
        for (w, weights) in probe.populationWeights.enumerated() {
            let base = (row * probe.populationWeights.count + w) * T
            for t in 0..<T {
                var sum = 0.0
                for c in 0..<C where weights[c] != 0 {
                    let g = x.growth[c]
                    sum += weights[c] * x.population[c] * (g == 0 ? 1 : Foundation.pow(1 + g, Double(t)))
                }
                population[base + t] = sum
            }
        }
        for s in 0..<services {
            for t in 0..<T { budget[(row * services + s) * T + t] = x.serviceBudget[s * T + t] }
        }
    }

    var table: ProbeTable {
        ProbeTable(
            draws: draws, horizon: horizon, streamCount: probe.streams.count,
            weightingCount: probe.populationWeights.count, serviceCount: services,
            activity: activity.array, demand: demand.array, population: population.array, serviceBudget: budget.array)
    }
}
