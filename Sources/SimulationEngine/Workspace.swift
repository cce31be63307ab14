/// Scratch state of the yearly recurrences, allocated once per worker.
public final class Workspace: @unchecked Sendable {
    let population: DoubleBuffer      // N[c,t]
    let inversePopulation: DoubleBuffer  // 1/N[c,t], 0 where N = 0 (effects per head)
    let growthPower: DoubleBuffer     // (1 + growth[c])^t
    let stock: DoubleBuffer           // P[k*C+c] at year t
    /// Z[((t mod Y)*J + j)*C + c]: a ring of the last Y = (longest lag + 1) years, all that the
    /// lagged effects read; small enough to stay in cache, unlike every year of the horizon.
    let participants: DoubleBuffer
    let participantYears: Int
    let unmetPrevious: DoubleBuffer   // U[s*C+c] of year t−1
    let unmetCurrent: DoubleBuffer    // U[s*C+c] of year t
    let incidenceKept: DoubleBuffer   // 1 − I[k*C+c] of year t
    let avoided: DoubleBuffer         // V[s*C+c]
    let accessGain: DoubleBuffer      // Σ_j w·ε_acc·Z/N [s*C+c]
    let directHealth: DoubleBuffer    // G[c]
    let needDriven: DoubleBuffer      // Σ_k P·u for one service [c]
    let demand: DoubleBuffer          // D[c] for one service
    let unmetLoss: DoubleBuffer       // Σ_s U·λ [c]
    let unmetDeaths: DoubleBuffer     // Σ_s U·μ [c]
    let cohortQalys: DoubleBuffer     // Q[c] of year t
    let cohortDeaths: DoubleBuffer    // Dth[c] of year t

    public init(layout: ModelLayout) {
        let C = layout.cohortCount, K = layout.needCount, S = layout.serviceCount
        let J = layout.interventionCount, T = layout.horizon
        population = DoubleBuffer(count: C)
        inversePopulation = DoubleBuffer(count: C)
        growthPower = DoubleBuffer(count: C)
        stock = DoubleBuffer(count: K * C)
        participantYears = min(T, (layout.lag.max() ?? 0) + 1)
        participants = DoubleBuffer(count: participantYears * J * C)
        unmetPrevious = DoubleBuffer(count: S * C)
        unmetCurrent = DoubleBuffer(count: S * C)
        incidenceKept = DoubleBuffer(count: K * C)
        avoided = DoubleBuffer(count: S * C)
        accessGain = DoubleBuffer(count: S * C)
        directHealth = DoubleBuffer(count: C)
        needDriven = DoubleBuffer(count: C)
        demand = DoubleBuffer(count: C)
        unmetLoss = DoubleBuffer(count: C)
        unmetDeaths = DoubleBuffer(count: C)
        cohortQalys = DoubleBuffer(count: C)
        cohortDeaths = DoubleBuffer(count: C)
    }
}
