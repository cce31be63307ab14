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
    /// Per option: each `set` override as (replaced parameter, the option's own parameter).
    let overrideSlots: [[(target: Int, source: Int)]]
    /// Per option, per shift: the amount's parameter index in each year.
    let shiftAmounts: [[[Int]]]

    // Parameter indices of each slot.
    let population: [Int], utility: [Int], growth: [Int]
    let prevalence: [CohortPlan]
    /// nil = steady-state incidence ρπ/(1−π).
    let incidence: [CohortPlan?]
    let exitRate: [Int], utilityLoss: [Int], excessDeaths: [Int]
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

    /// Draw-independent intervention structure, used directly by the simulator.
    public let targeted: [Bool]      // [j*C + c]
    public let eligibleNeed: [Int]   // need index, or -1 for the whole population
    public let lag: [Int]
    /// w[j,t] (MODEL.md §2): 0 before the lag, then ramping up over R years.
    public let effectWeight: [Double] // [j*T + t]
    let discountHealth: Double, discountCosts: Double

    /// - Throws: ``ModelLayoutError`` when an option's `set` or a shift names a parameter path
    ///   the scenario does not have (never for a scenario from the loader). Declared `throws`
    ///   rather than `throws(ModelLayoutError)`: with the typed form, `MonteCarloRunner.init`
    ///   crashed on a valid scenario in the Swift 6 toolchain used here (segfault in its cleanup).
    public init(_ scenario: Scenario) throws {
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
        func position(_ path: String, _ place: String) throws(ModelLayoutError) -> Int {
            guard let i = index[path] else { throw .unknownParameter(path: path, where: place) }
            return i
        }
        func at(_ p: Parameter) throws(ModelLayoutError) -> Int { try position(p.path, "parameter") }
        func plan(_ v: CohortValue) throws(ModelLayoutError) -> CohortPlan { try CohortPlan(v, cohorts: scenario.cohorts, index: at) }
        func indices<T>(_ items: [T], _ parameter: (T) -> Parameter) throws(ModelLayoutError) -> [Int] {
            var result: [Int] = []
            for item in items { result.append(try at(parameter(item))) }
            return result
        }
        func plans<T>(_ items: [T], _ value: (T) -> CohortValue) throws(ModelLayoutError) -> [CohortPlan] {
            var result: [CohortPlan] = []
            for item in items { result.append(try plan(value(item))) }
            return result
        }
        var overrideSlots: [[(target: Int, source: Int)]] = []
        var shiftAmounts: [[[Int]]] = []
        for option in scenario.allOptions {
            var slots: [(target: Int, source: Int)] = []
            for override in option.overrides {
                let place = "options.\(option.name).set"
                slots.append((try position(override.target, place), try position(override.value.path, place)))
            }
            overrideSlots.append(slots)
            var amounts: [[Int]] = []
            for shift in option.shifts {
                var yearly: [Int] = []
                for t in 0..<T { yearly.append(try position(shift.amount.parameter(year: t).path, "options.\(option.name).shifts")) }
                amounts.append(yearly)
            }
            shiftAmounts.append(amounts)
        }
        self.overrideSlots = overrideSlots
        self.shiftAmounts = shiftAmounts

        population = try indices(scenario.cohorts) { $0.population }
        utility = try indices(scenario.cohorts) { $0.utility }
        growth = try indices(scenario.cohorts) { $0.growth }

        prevalence = try plans(scenario.needs) { $0.prevalence }
        var incidence: [CohortPlan?] = []
        for need in scenario.needs { incidence.append(try need.incidence.map { value throws(ModelLayoutError) in try plan(value) }) }
        self.incidence = incidence
        exitRate = try indices(scenario.needs) { $0.exitRate }
        utilityLoss = try indices(scenario.needs) { $0.utilityLoss }
        excessDeaths = try indices(scenario.needs) { $0.excessDeaths }
        var use = [Int](repeating: -1, count: K * S)
        for (k, need) in scenario.needs.enumerated() {
            for (s, p) in need.use { use[k * S + s] = try at(p) }
        }
        self.use = use

        unitCost = try indices(scenario.services) { $0.unitCost }
        let lines = scenario.services.map(\.budget) + scenario.interventions.map(\.budget)
        var budget: [[Int]] = []
        for yearly in lines { budget.append(try indices(Array(0..<T)) { yearly.parameter(year: $0) }) }
        self.budget = budget
        baseRate = try plans(scenario.services) { $0.baseRate }
        access = try plans(scenario.services) { $0.access }
        elasticity = try indices(scenario.services) { $0.supplyElasticity }
        carryover = try indices(scenario.services) { $0.carryover }
        qalyLoss = try indices(scenario.services) { $0.qalyLossPerUnmet }
        deathsPerUnmet = try indices(scenario.services) { $0.deathsPerUnmet }

        costPerParticipant = try indices(scenario.interventions) { $0.costPerParticipant }
        fixedCost = try indices(scenario.interventions) { $0.fixedCost }
        uptake = try plans(scenario.interventions) { $0.uptake }
        var effectIncidence = [Int](repeating: -1, count: J * K)
        var effectDemand = [Int](repeating: -1, count: J * S)
        var effectAccess = [Int](repeating: -1, count: J * S)
        for (j, intervention) in scenario.interventions.enumerated() {
            for (k, p) in intervention.effects.incidence { effectIncidence[j * K + k] = try at(p) }
            for (s, p) in intervention.effects.demand { effectDemand[j * S + s] = try at(p) }
            for (s, p) in intervention.effects.access { effectAccess[j * S + s] = try at(p) }
        }
        self.effectIncidence = effectIncidence
        self.effectDemand = effectDemand
        self.effectAccess = effectAccess
        qalyPerParticipant = try indices(scenario.interventions) { $0.effects.qalyPerParticipant }

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
