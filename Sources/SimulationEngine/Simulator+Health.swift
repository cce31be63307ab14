import Foundation

extension Simulator {
    /// Health, deaths and life-years in year t (MODEL.md §2):
    /// `Q = N·utility − Σ_k P·δ − Σ_s U·λ + G`, `Dth = min(N, Σ_k P·m' + Σ_s U·μ)`, `LY = N`,
    /// added to the totals (Q discounted) and to each cohort's equity group.
    func accountHealth(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount, T = layout.horizon
        let N = w.population.pointer, P = w.stock.pointer
        let q = w.cohortQalys.pointer, deaths = w.cohortDeaths.pointer
        let utility = x.utility.pointer, loss = w.unmetLoss.pointer, direct = w.directHealth.pointer
        let deathRate = mortalityRates(x, w)
        for c in 0..<C { q[c] = N[c] * utility[c] - loss[c] + direct[c] }
        w.cohortDeaths.assign(from: w.unmetDeaths)
        for k in 0..<K {
            let stock = P + k * C, utilityLoss = x.utilityLoss[k], m = deathRate + k * C
            for c in 0..<C {
                q[c] -= stock[c] * utilityLoss
                deaths[c] += stock[c] * m[c]
            }
        }
        // Nobody dies twice: the cap binds only when the rates add to more than everyone.
        for c in 0..<C { deaths[c] = min(deaths[c], N[c]) }
        let discount = healthDiscount[t]
        let groupQalys = outcome.groupQalys.pointer, groupDeaths = outcome.groupDeaths.pointer
        let groupLifeYears = outcome.groupLifeYears.pointer, yearlyGroupQalys = outcome.yearlyGroupQalys.pointer
        layout.cohortGroup.withUnsafeBufferPointer { group in
            for c in 0..<C {
                let g = group[c]
                groupQalys[g] += q[c] * discount
                groupDeaths[g] += deaths[c]
                groupLifeYears[g] += N[c]
                yearlyGroupQalys[g * T + t] += q[c]
            }
        }
        let yearQalys = laneSum(q, C), yearDeaths = laneSum(deaths, C), yearLifeYears = laneSum(N, C)
        outcome.yearlyQalys[t] = yearQalys
        outcome.qalys += yearQalys * discount
        outcome.yearlyDeaths[t] = yearDeaths
        outcome.deaths += yearDeaths
        outcome.yearlyLifeYears[t] = yearLifeYears
        outcome.lifeYears += yearLifeYears
    }

    /// m'[k*C+c] of this year: the file's rates, or the workspace's copy that mortality effects
    /// have reduced (only scenarios with such effects pay for the copy).
    func mortalityRates(_ x: ResolvedInputs, _ w: Workspace) -> UnsafeMutablePointer<Double> {
        layout.hasMortalityEffects ? w.deathRate.pointer : x.excessDeaths.pointer
    }

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

    /// The value after the horizon (MODEL.md §2): each survivor `N[c,T]` adds the cohort's
    /// `qalys_after_horizon`, discounted by `1/(1+r)^T`, to the total and to its group.
    func accountAfterHorizon(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome) {
        guard layout.hasValueAfterHorizon else { return }
        let C = layout.cohortCount, N = w.population.pointer, value = x.qalysAfterHorizon.pointer
        let groupQalys = outcome.groupQalys.pointer
        var total = 0.0
        for c in 0..<C {
            let carried = N[c] * value[c] * afterHorizonDiscount
            groupQalys[layout.cohortGroup[c]] += carried
            total += carried
        }
        outcome.qalysAfterHorizon = total
        outcome.qalys += total
    }
}
