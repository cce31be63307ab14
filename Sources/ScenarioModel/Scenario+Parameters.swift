extension Scenario {
    /// Every parameter the scenario reads, each path once, in file order; options' own
    /// override values last. This is the list the sampler draws from.
    public var allParameters: [Parameter] {
        var seen = Set<String>()
        var result: [Parameter] = []
        func add(_ p: Parameter) { if seen.insert(p.path).inserted { result.append(p) } }
        func add(_ v: CohortValue) { v.parameters.forEach(add) }
        func add(_ v: YearlyValue) { v.values.forEach(add) }
        for cohort in cohorts {
            add(cohort.population); add(cohort.utility); add(cohort.growth)
            cohort.qalysAfterHorizon.map(add)
        }
        for need in needs {
            add(need.prevalence); add(need.exitRate)
            if let incidence = need.incidence { add(incidence) }
            add(need.utilityLoss); add(need.excessDeaths)
            need.use.keys.sorted().forEach { add(need.use[$0]!) }
            need.progression.keys.sorted().forEach { add(need.progression[$0]!) }
        }
        for service in services {
            add(service.unitCost); add(service.budget); add(service.baseRate); add(service.access)
            add(service.supplyElasticity); add(service.carryover)
            add(service.qalyLossPerUnmet); add(service.deathsPerUnmet)
        }
        for intervention in interventions {
            add(intervention.costPerParticipant); add(intervention.fixedCost)
            add(intervention.uptake); add(intervention.budget)
            let effects = intervention.effects
            for map in [effects.incidence, effects.demand, effects.access, effects.mortality, effects.progression] {
                map.keys.sorted().forEach { add(map[$0]!) }
            }
            add(effects.qalyPerParticipant)
        }
        for option in options {
            option.shifts.forEach { add($0.amount) }
            option.overrides.forEach { add($0.value) }
        }
        return result
    }
}
