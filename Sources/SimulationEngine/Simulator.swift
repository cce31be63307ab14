import Foundation

/// Runs the yearly recurrences of MODEL.md §2 for one draw and one option.
///
/// Within year t the order is: population; intervention coverage and participants; effects of
/// the participants of year t − L; demand, supply response and rationing; health, deaths and
/// cost; then the need stocks of year t + 1. Each block is in its own file
/// (`Simulator+Interventions`, `+Demand`, `+Health`, `+Stocks`). In debug and test builds
/// ``Invariant`` checks 0 ≤ P ≤ N and A ≤ D as the years run.
///
/// Complexity per run: O(T · C · (K + S·(1 + uses) + J·(1 + effects))); no allocation (in release builds).
public struct Simulator: Sendable {
    public let layout: ModelLayout
    /// 1/(1+r)^t for health and for costs.
    let healthDiscount: [Double]
    let costDiscount: [Double]
    /// 1 where intervention j targets cohort c, else 0, `[j*C + c]`: a multiplier rather than a
    /// branch, so the enrolment loop vectorises.
    let targetWeight: [Double]

    public init(layout: ModelLayout) {
        self.layout = layout
        healthDiscount = (0..<layout.horizon).map { 1 / pow(1 + layout.discountHealth, Double($0)) }
        costDiscount = (0..<layout.horizon).map { 1 / pow(1 + layout.discountCosts, Double($0)) }
        targetWeight = layout.targeted.map { $0 ? 1 : 0 }
    }

    /// Runs the option whose inputs are `x`, writing into `outcome`.
    public func run<Noise: DemandNoise>(_ x: ResolvedInputs, workspace w: Workspace, outcome: SimulationOutcome, noise: Noise) {
        let C = layout.cohortCount, K = layout.needCount, T = layout.horizon
        outcome.reset()
        // (participants need no clearing: year t's are written before any year reads them)
        w.unmetPrevious.fill(0)
        w.growthPower.fill(1)
        for c in 0..<C {
            w.population[c] = x.population[c]
            outcome.groupPopulation[layout.cohortGroup[c]] += x.population[c]
        }
        // P[c,k,0] = π[c,k] · N[c,0]
        for k in 0..<K {
            for c in 0..<C { w.stock[k * C + c] = x.prevalence[k * C + c] * x.population[c] }
        }
        #if PHM_INVARIANTS
        Invariant.require(Invariant.stocksWithinPopulation(stock: w.stock.elements, population: w.population.elements, year: 0))
        #endif
        for t in 0..<T {
            let interventionCost = enrolParticipants(x, w, outcome, year: t)
            applyEffects(x, w, year: t)
            meetDemand(x, w, outcome, year: t, noise: noise)
            accountHealth(x, w, outcome, year: t)
            let cost = (0..<layout.serviceCount).reduce(0) { $0 + x.serviceBudget[$1 * T + t] } + interventionCost
            outcome.yearlyCost[t] = cost
            outcome.cost += cost * costDiscount[t]
            advanceStocks(x, w, year: t)
            w.unmetPrevious.assign(from: w.unmetCurrent)
        }
    }
}
