/// What one run of the equations (one draw, one option) produces, in the units MODEL.md §2
/// defines: QALYs (with the value after the horizon) and cost discounted; deaths, life-years,
/// activity and unmet demand undiscounted.
///
/// Owned by one worker and overwritten by every run; the Monte Carlo layer copies out what it
/// keeps per draw and adds the yearly series into its running sums.
public final class SimulationOutcome: @unchecked Sendable {
    /// Discounted QALYs summed over cohorts and years, plus the value after the horizon.
    public internal(set) var qalys = 0.0
    /// The part of ``qalys`` that survivors carry past the horizon, `Σ_c N[c,T]·q_c/(1+r)^T`.
    public internal(set) var qalysAfterHorizon = 0.0
    /// Life-years `Σ_t Σ_c N[c,t]`, undiscounted.
    public internal(set) var lifeYears = 0.0
    /// Discounted cost `Σ_t C[t]/(1+r)^t`.
    public internal(set) var cost = 0.0
    /// Deaths summed over cohorts and years.
    public internal(set) var deaths = 0.0
    public let groupQalys: DoubleBuffer          // [g], discounted
    public let groupDeaths: DoubleBuffer         // [g]
    public let groupLifeYears: DoubleBuffer      // [g], undiscounted
    public let groupPopulation: DoubleBuffer     // [g], year 0
    /// Unmet demand of the group's cohorts, summed over services and years (units of activity).
    public let groupUnmet: DoubleBuffer          // [g]
    public let serviceDemand: DoubleBuffer       // [s], summed over years
    public let serviceActivity: DoubleBuffer     // [s]
    public let serviceUnmet: DoubleBuffer        // [s]
    public let participants: DoubleBuffer        // [j], summed over years
    public let yearlyDemand: DoubleBuffer        // [s*T+t]
    public let yearlyActivity: DoubleBuffer      // [s*T+t]
    public let yearlyUnmet: DoubleBuffer         // [s*T+t]
    public let yearlyQalys: DoubleBuffer         // [t], undiscounted
    public let yearlyCost: DoubleBuffer          // [t], undiscounted
    public let yearlyDeaths: DoubleBuffer        // [t]
    public let yearlyLifeYears: DoubleBuffer     // [t]
    public let yearlyGroupQalys: DoubleBuffer    // [g*T+t], undiscounted
    public let yearlyParticipants: DoubleBuffer  // [j*T+t]

    public init(layout: ModelLayout) {
        let G = layout.groupCount, S = layout.serviceCount, J = layout.interventionCount, T = layout.horizon
        groupQalys = DoubleBuffer(count: G); groupDeaths = DoubleBuffer(count: G); groupLifeYears = DoubleBuffer(count: G); groupPopulation = DoubleBuffer(count: G); groupUnmet = DoubleBuffer(count: G)
        serviceDemand = DoubleBuffer(count: S); serviceActivity = DoubleBuffer(count: S); serviceUnmet = DoubleBuffer(count: S)
        participants = DoubleBuffer(count: J)
        yearlyDemand = DoubleBuffer(count: S * T); yearlyActivity = DoubleBuffer(count: S * T); yearlyUnmet = DoubleBuffer(count: S * T)
        yearlyQalys = DoubleBuffer(count: T); yearlyCost = DoubleBuffer(count: T)
        yearlyDeaths = DoubleBuffer(count: T); yearlyLifeYears = DoubleBuffer(count: T)
        yearlyGroupQalys = DoubleBuffer(count: G * T); yearlyParticipants = DoubleBuffer(count: J * T)
    }

    func reset() {
        qalys = 0; cost = 0; deaths = 0; qalysAfterHorizon = 0; lifeYears = 0
        for buffer in [groupQalys, groupDeaths, groupLifeYears, groupPopulation, groupUnmet, serviceDemand, serviceActivity, serviceUnmet,
                       participants, yearlyDemand, yearlyActivity, yearlyUnmet, yearlyQalys, yearlyCost,
                       yearlyDeaths, yearlyLifeYears, yearlyGroupQalys, yearlyParticipants] {
            buffer.fill(0)
        }
    }
}
