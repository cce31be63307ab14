extension Simulator {
    /// Need stocks and population of year t + 1:
    /// `P' = P + ι·(1 − I)·(N − P) − ρ·P`, clamped to `[0, N[c,t+1]]`, `N' = N·(1 + g)`.
    func advanceStocks(_ x: ResolvedInputs, _ w: Workspace, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount
        let N = w.population.pointer, P = w.stock.pointer
        let nextPopulation = w.demand.pointer  // reused as scratch: demand is done for this year
        // (1 + g)^(t+1) by one multiplication a year: within a few ulps of pow over any horizon
        let growth = w.growthPower.pointer
        for c in 0..<C {
            growth[c] *= 1 + x.growth[c]
            nextPopulation[c] = x.population[c] * growth[c]
        }
        for k in 0..<K {
            let rho = x.exitRate[k]
            let stock = P + k * C, iota = x.incidence.pointer + k * C, kept = w.incidenceKept.pointer + k * C
            for c in 0..<C {
                let p = stock[c]
                let next = p + iota[c] * kept[c] * (N[c] - p) - rho * p
                stock[c] = min(max(next, 0), nextPopulation[c])
            }
        }
        for c in 0..<C { N[c] = nextPopulation[c] }
        #if PHM_INVARIANTS
        Invariant.require(Invariant.stocksWithinPopulation(stock: w.stock.elements, population: w.population.elements, year: t + 1))
        #endif
    }
}
