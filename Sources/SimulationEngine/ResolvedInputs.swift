/// Every number one run of the equations needs, for one draw and one option, laid out
/// cohort-innermost (`[k*C + c]`, `[s*C + c]`, `[j*C + c]`) so the simulator's loops run over
/// contiguous memory. Allocated once per worker and refilled by
/// ``ModelLayout/resolve(_:option:baseCapacity:into:)`` for each draw and option.
public final class ResolvedInputs: @unchecked Sendable {
    public let population: DoubleBuffer        // N[c,0]
    public let growth: DoubleBuffer            // g_c
    public let utility: DoubleBuffer           // utility[c]
    public let prevalence: DoubleBuffer        // π[k*C+c]
    public let incidence: DoubleBuffer         // ι[k*C+c]
    public let exitRate: DoubleBuffer          // ρ[k]
    public let utilityLoss: DoubleBuffer       // δ[k]
    public let excessDeaths: DoubleBuffer      // m[k*C+c]
    public let progressionRate: DoubleBuffer   // θ of each route [r] (ModelLayout.progressionRoutes)
    public let qalysAfterHorizon: DoubleBuffer // [c], 0 where the file gives none
    public let use: DoubleBuffer               // u[k*S+s]
    public let capacity: DoubleBuffer          // K[s*T+t] = budget / unit cost
    public let baseCapacity: DoubleBuffer      // K0[s*T+t], the base option's
    public let serviceBudget: DoubleBuffer     // [s*T+t] after shifts
    public let baseRate: DoubleBuffer          // b[s*C+c]
    public let access: DoubleBuffer            // a[s*C+c]
    public let elasticity: DoubleBuffer        // η[s]
    public let carryover: DoubleBuffer         // β[s]
    public let qalyLoss: DoubleBuffer          // λ[s]
    public let deathsPerUnmet: DoubleBuffer    // μ[s]
    public let interventionBudget: DoubleBuffer // [j*T+t] after shifts
    public let costPerParticipant: DoubleBuffer // [j]
    public let fixedCost: DoubleBuffer         // [j]
    public let uptake: DoubleBuffer            // [j*C+c]
    public let effectIncidence: DoubleBuffer   // ε_inc[j*K+k]
    public let effectDemand: DoubleBuffer      // ε_dem[j*S+s]
    public let effectAccess: DoubleBuffer      // ε_acc[j*S+s]
    public let effectMortality: DoubleBuffer   // ε_mort[j*K+k]
    public let effectProgression: DoubleBuffer // ε_prog[j*K+k]
    public let qalyPerParticipant: DoubleBuffer // γ[j]

    public init(layout: ModelLayout) {
        let C = layout.cohortCount, K = layout.needCount, S = layout.serviceCount
        let J = layout.interventionCount, T = layout.horizon
        population = DoubleBuffer(count: C); growth = DoubleBuffer(count: C); utility = DoubleBuffer(count: C)
        prevalence = DoubleBuffer(count: K * C); incidence = DoubleBuffer(count: K * C)
        exitRate = DoubleBuffer(count: K); utilityLoss = DoubleBuffer(count: K); excessDeaths = DoubleBuffer(count: K * C)
        progressionRate = DoubleBuffer(count: layout.progressionRoutes.count)
        qalysAfterHorizon = DoubleBuffer(count: C)
        use = DoubleBuffer(count: K * S)
        capacity = DoubleBuffer(count: S * T); baseCapacity = DoubleBuffer(count: S * T); serviceBudget = DoubleBuffer(count: S * T)
        baseRate = DoubleBuffer(count: S * C); access = DoubleBuffer(count: S * C)
        elasticity = DoubleBuffer(count: S); carryover = DoubleBuffer(count: S)
        qalyLoss = DoubleBuffer(count: S); deathsPerUnmet = DoubleBuffer(count: S)
        interventionBudget = DoubleBuffer(count: J * T)
        costPerParticipant = DoubleBuffer(count: J); fixedCost = DoubleBuffer(count: J)
        uptake = DoubleBuffer(count: J * C)
        effectIncidence = DoubleBuffer(count: J * K); effectDemand = DoubleBuffer(count: J * S)
        effectAccess = DoubleBuffer(count: J * S); qalyPerParticipant = DoubleBuffer(count: J)
        effectMortality = DoubleBuffer(count: J * K); effectProgression = DoubleBuffer(count: J * K)
    }
}
