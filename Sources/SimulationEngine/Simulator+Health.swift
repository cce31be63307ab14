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
