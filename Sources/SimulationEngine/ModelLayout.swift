import ScenarioModel

/// The draw-independent shape of a scenario: sizes, which parameter feeds each slot of the
/// equations, and the structure of interventions and options.
///
/// Built once per run. A draw is then a vector of parameter values (in the order of
/// ``Scenario/allParameters``) that ``resolve(_:option:baseCapacity:)`` turns into flat arrays.
public struct ModelLayout: Sendable {
    public let cohortCount: Int
    public let needCount: Int
    public let serviceCount: Int
    public let interventionCount: Int
    public let horizon: Int
    public let groupCount: Int
    /// Equity group of each cohort.
    public let cohortGroup: [Int]
    /// Position of each parameter path in the sampled vector.
    public let parameterIndex: [String: Int]
    public let options: [ScenarioOption]

    // Parameter indices of each slot.
    let population: [Int], utility: [Int], growth: [Int]
    let prevalence: [CohortPlan]
    /// nil = steady-state incidence ρπ/(1−π).
    let incidence: [CohortPlan?]
    let exitRate: [Int], utilityLoss: [Int]
    /// m[c,k], cohort-varying.
    let excessDeaths: [CohortPlan]
    /// The progression routes `k → n` the scenario names, in need order, and the parameter of
    /// each rate θ[k,n]: the simulator loops over these pairs, never over every K×K pair.
    public let progressionRoutes: [(from: Int, to: Int)]
    let progressionRate: [Int]
    /// Parameter of each cohort's value after the horizon, or -1 for none (0).
    let qalysAfterHorizon: [Int]
    /// Flattened [k*S + s] → parameter index, or -1 when the need uses none of the service.
    let use: [Int]
    let unitCost: [Int]
    /// [line][t] → parameter index; services first, then interventions.
    let budget: [[Int]]
    let baseRate: [CohortPlan], access: [CohortPlan]
    let elasticity: [Int], carryover: [Int], qalyLoss: [Int], deathsPerUnmet: [Int]
    let costPerParticipant: [Int], fixedCost: [Int]
    let uptake: [CohortPlan]
    let effectIncidence: [Int], effectDemand: [Int], effectAccess: [Int], qalyPerParticipant: [Int]
    /// ε_mort[j*K+k] and ε_prog[j*K+k], -1 where the programme has no such effect.
    let effectMortality: [Int], effectProgression: [Int]
    /// Whether any programme reduces deaths; without, the engine reads `m` directly.
    public let hasMortalityEffects: Bool
    /// Whether any programme slows a progression the scenario has.
    public let hasProgressionEffects: Bool
    /// Whether any cohort carries a value after the horizon.
    public let hasValueAfterHorizon: Bool

    /// Draw-independent intervention structure, used directly by the simulator.
    public let targeted: [Bool]      // [j*C + c]
    public let eligibleNeed: [Int]   // need index, or -1 for the whole population
    public let lag: [Int]
    /// w[j,t] (MODEL.md §2): 0 before the lag, then ramping up over R years.
    public let effectWeight: [Double] // [j*T + t]
    let discountHealth: Double, discountCosts: Double

    public init(_ scenario: Scenario) {
        let C = scenario.cohorts.count, K = scenario.needs.count
        let S = scenario.services.count, J = scenario.interventions.count, T = scenario.horizon
        cohortCount = C; needCount = K; serviceCount = S; interventionCount = J; horizon = T
        groupCount = scenario.groupNames.count
        cohortGroup = scenario.cohortGroups
        options = scenario.allOptions
        discountHealth = scenario.discount.health
        discountCosts = scenario.discount.costs

        let parameters = scenario.allParameters
        var index: [String: Int] = [:]
        for (i, p) in parameters.enumerated() { index[p.path] = i }
        parameterIndex = index
        func at(_ p: Parameter) -> Int { index[p.path]! }
        func plan(_ v: CohortValue) -> CohortPlan { CohortPlan(v, cohorts: scenario.cohorts, parameterIndex: index) }

        population = scenario.cohorts.map { at($0.population) }
        utility = scenario.cohorts.map { at($0.utility) }
        growth = scenario.cohorts.map { at($0.growth) }
        qalysAfterHorizon = scenario.cohorts.map { $0.qalysAfterHorizon.map(at) ?? -1 }

        prevalence = scenario.needs.map { plan($0.prevalence) }
        incidence = scenario.needs.map { $0.incidence.map(plan) }
        exitRate = scenario.needs.map { at($0.exitRate) }
        utilityLoss = scenario.needs.map { at($0.utilityLoss) }
        excessDeaths = scenario.needs.map { plan($0.excessDeaths) }
        let routes = scenario.needs.enumerated().flatMap { k, need in
            need.progression.keys.sorted().map { (from: k, to: $0, rate: at(need.progression[$0]!)) }
        }
        progressionRoutes = routes.map { (from: $0.from, to: $0.to) }
        progressionRate = routes.map(\.rate)
        var use = [Int](repeating: -1, count: K * S)
        for (k, need) in scenario.needs.enumerated() {
            for (s, p) in need.use { use[k * S + s] = at(p) }
        }
        self.use = use

        unitCost = scenario.services.map { at($0.unitCost) }
        budget = scenario.services.map { s in (0..<T).map { at(s.budget.parameter(year: $0)) } }
            + scenario.interventions.map { j in (0..<T).map { at(j.budget.parameter(year: $0)) } }
        baseRate = scenario.services.map { plan($0.baseRate) }
        access = scenario.services.map { plan($0.access) }
        elasticity = scenario.services.map { at($0.supplyElasticity) }
        carryover = scenario.services.map { at($0.carryover) }
        qalyLoss = scenario.services.map { at($0.qalyLossPerUnmet) }
        deathsPerUnmet = scenario.services.map { at($0.deathsPerUnmet) }

        costPerParticipant = scenario.interventions.map { at($0.costPerParticipant) }
        fixedCost = scenario.interventions.map { at($0.fixedCost) }
        uptake = scenario.interventions.map { plan($0.uptake) }
        var effectIncidence = [Int](repeating: -1, count: J * K)
        var effectDemand = [Int](repeating: -1, count: J * S)
        var effectAccess = [Int](repeating: -1, count: J * S)
        var effectMortality = [Int](repeating: -1, count: J * K)
        var effectProgression = [Int](repeating: -1, count: J * K)
        for (j, intervention) in scenario.interventions.enumerated() {
            for (k, p) in intervention.effects.incidence { effectIncidence[j * K + k] = at(p) }
            for (k, p) in intervention.effects.mortality { effectMortality[j * K + k] = at(p) }
            for (k, p) in intervention.effects.progression { effectProgression[j * K + k] = at(p) }
            for (s, p) in intervention.effects.demand { effectDemand[j * S + s] = at(p) }
            for (s, p) in intervention.effects.access { effectAccess[j * S + s] = at(p) }
        }
        self.effectIncidence = effectIncidence
        self.effectDemand = effectDemand
        self.effectAccess = effectAccess
        self.effectMortality = effectMortality
        self.effectProgression = effectProgression
        hasMortalityEffects = effectMortality.contains { $0 >= 0 }
        hasProgressionEffects = !routes.isEmpty && effectProgression.contains { $0 >= 0 }
        hasValueAfterHorizon = qalysAfterHorizon.contains { $0 >= 0 }
        qalyPerParticipant = scenario.interventions.map { at($0.effects.qalyPerParticipant) }

        targeted = scenario.interventions.flatMap { j in scenario.cohorts.map { j.targets($0) } }
        eligibleNeed = scenario.interventions.map {
            if case .need(let k) = $0.eligible { return k }
            return -1
        }
        lag = scenario.interventions.map(\.lag)
        effectWeight = scenario.interventions.flatMap { j in
            (0..<T).map { t -> Double in
                guard t >= j.lag else { return 0 }
                return j.ramp == 0 ? 1 : min(1, Double(t - j.lag + 1) / Double(j.ramp))
            }
        }
    }

    /// Number of budget lines: services, then interventions.
    public var lineCount: Int { serviceCount + interventionCount }

    /// Index of a budget line among ``lineCount`` lines.
    public func lineIndex(_ line: BudgetLine) -> Int {
        switch line {
        case .service(let s): return s
        case .intervention(let j): return serviceCount + j
        }
    }
}
