import Foundation

extension Simulator {
    /// Health and deaths in year t (MODEL.md §2):
    /// `Q = N·utility − Σ_k P·δ − Σ_s U·λ + G`, `Dth = Σ_k P·excess_deaths + Σ_s U·μ`,
    /// added to the totals (Q discounted) and to each cohort's equity group.
    func accountHealth(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount, T = layout.horizon
        let N = w.population.pointer, P = w.stock.pointer
        let discount = healthDiscount[t]
        var yearQalys = 0.0, yearDeaths = 0.0
        for c in 0..<C {
            var q = N[c] * x.utility[c] - w.unmetLoss[c] + w.directHealth[c]
            var deaths = w.unmetDeaths[c]
            for k in 0..<K {
                let p = P[k * C + c]
                q -= p * x.utilityLoss[k]
                deaths += p * x.excessDeaths[k]
            }
            let g = layout.cohortGroup[c]
            outcome.groupQalys[g] += q * discount
            outcome.groupDeaths[g] += deaths
            outcome.yearlyGroupQalys[g * T + t] += q
            yearQalys += q
            yearDeaths += deaths
        }
        outcome.yearlyQalys[t] = yearQalys
        outcome.qalys += yearQalys * discount
        outcome.deaths += yearDeaths
    }

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
    }
}
