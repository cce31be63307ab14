extension Simulator {
    /// Population and need stocks of year t + 1 (MODEL.md §2):
    /// `N' = max(0, (N − Dth)·(1 + g))` and
    /// `P' = P + ι·(1 − I)·(N − P) − ρ·P − m'·P − Σ_n X[k→n] + Σ_h X[h→k]`, clamped to `[0, N']`,
    /// with `X[k→n] = θ[k,n]·(1 − R[k])·P[k]`.
    func advanceStocks(_ x: ResolvedInputs, _ w: Workspace, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount
        let N = w.population.pointer, P = w.stock.pointer
        let nextPopulation = w.demand.pointer  // reused as scratch: demand is done for this year
        // (1 + g)^(t+1) by one multiplication a year: within a few ulps of pow over any horizon
        let growth = w.growthPower.pointer, lost = w.lost.pointer, deaths = w.cohortDeaths.pointer
        for c in 0..<C {
            let factor = 1 + x.growth[c]
            growth[c] *= factor
            lost[c] = (lost[c] + deaths[c]) * factor
            nextPopulation[c] = max(0, x.population[c] * growth[c] - lost[c])
        }
        let hasProgression = !layout.progressionRoutes.isEmpty
        if hasProgression { progressionFlows(x, w) }
        let deathRate = mortalityRates(x, w)
        for k in 0..<K {
            let rho = x.exitRate[k]
            let stock = P + k * C, iota = x.incidence.pointer + k * C, kept = w.incidenceKept.pointer + k * C
            let m = deathRate + k * C, change = w.stockChange.pointer + k * C
            if hasProgression {
                for c in 0..<C {
                    let p = stock[c]
                    let next = p + iota[c] * kept[c] * (N[c] - p) - rho * p - m[c] * p + change[c]
                    stock[c] = min(max(next, 0), nextPopulation[c])
                }
            } else {
                for c in 0..<C {
                    let p = stock[c]
                    let next = p + iota[c] * kept[c] * (N[c] - p) - rho * p - m[c] * p
                    stock[c] = min(max(next, 0), nextPopulation[c])
                }
            }
        }
        for c in 0..<C { N[c] = nextPopulation[c] }
        #if PHM_INVARIANTS
        Invariant.require(Invariant.stocksWithinPopulation(stock: w.stock.elements, population: w.population.elements, year: t + 1))
        #endif
    }

    /// The net change of every need stock by progression this year, `Σ_h X[h→k] − Σ_n X[k→n]`,
    /// into the workspace's `stockChange`; every flow is taken from the stocks of year t.
    private func progressionFlows(_ x: ResolvedInputs, _ w: Workspace) {
        let C = layout.cohortCount, P = w.stock.pointer, kept = w.progressionKept.pointer
        let change = w.stockChange.pointer
        w.stockChange.fill(0)
        for (r, route) in layout.progressionRoutes.enumerated() {
            let theta = x.progressionRate[r]
            let from = P + route.from * C, stay = kept + route.from * C
            let out = change + route.from * C, into = change + route.to * C
            for c in 0..<C {
                let moved = theta * stay[c] * from[c]
                out[c] -= moved
                into[c] += moved
            }
        }
    }
}
