/// Scratch state of the yearly recurrences, allocated once per worker.
public final class Workspace: @unchecked Sendable {
    let population: DoubleBuffer      // N[c,t]
    let inversePopulation: DoubleBuffer  // 1/N[c,t], 0 where N = 0 (effects per head)
    let growthPower: DoubleBuffer     // (1 + growth[c])^t
    /// L[c,t]: the deaths of earlier years grown as the population would have grown, so that
    /// `N[c,t] = max(0, N[c,0]·(1+g)^t − L[c,t])` equals MODEL.md's `(N − Dth)·(1+g)` recurrence
    /// and is bit-identical to `N[c,0]·(1+g)^t` when nobody dies.
    let lost: DoubleBuffer
    let stock: DoubleBuffer           // P[k*C+c] at year t
    /// Z[((t mod Y)*J + j)*C + c]: a ring of the last Y = (longest lag + 1) years, all that the
    /// lagged effects read; small enough to stay in cache, unlike every year of the horizon.
    let participants: DoubleBuffer
    let participantYears: Int
    let unmetPrevious: DoubleBuffer   // U[s*C+c] of year t−1
    let unmetCurrent: DoubleBuffer    // U[s*C+c] of year t
    let incidenceKept: DoubleBuffer   // 1 − I[k*C+c] of year t
    let deathRate: DoubleBuffer       // m'[k*C+c] of year t, after mortality effects
    let progressionKept: DoubleBuffer // 1 − R[k*C+c] of year t
    let stockChange: DoubleBuffer     // Σ_h X[h→k] − Σ_n X[k→n], [k*C+c]
    /// κ[j*T+t]: coverage of every year, read by the mortality and progression effects through
    /// φ = κ·uptake of year t − L.
    let coverage: DoubleBuffer
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
        lost = DoubleBuffer(count: C)
        stock = DoubleBuffer(count: K * C)
        participantYears = min(T, (layout.lag.max() ?? 0) + 1)
        participants = DoubleBuffer(count: participantYears * J * C)
        unmetPrevious = DoubleBuffer(count: S * C)
        unmetCurrent = DoubleBuffer(count: S * C)
        incidenceKept = DoubleBuffer(count: K * C)
        deathRate = DoubleBuffer(count: K * C)
        progressionKept = DoubleBuffer(count: K * C)
        stockChange = DoubleBuffer(count: K * C)
        coverage = DoubleBuffer(count: J * T)
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
