import Foundation

extension Simulator {
    /// Health and deaths in year t (MODEL.md §2):
    /// `Q = N·utility − Σ_k P·δ − Σ_s U·λ + G`, `Dth = Σ_k P·excess_deaths + Σ_s U·μ`,
    /// added to the totals (Q discounted) and to each cohort's equity group.
    func accountHealth(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount, T = layout.horizon
        let N = w.population.pointer, P = w.stock.pointer
        let q = w.cohortQalys.pointer, deaths = w.cohortDeaths.pointer
        let utility = x.utility.pointer, loss = w.unmetLoss.pointer, direct = w.directHealth.pointer
        for c in 0..<C { q[c] = N[c] * utility[c] - loss[c] + direct[c] }
        w.cohortDeaths.assign(from: w.unmetDeaths)
        for k in 0..<K {
            let stock = P + k * C, utilityLoss = x.utilityLoss[k], excess = x.excessDeaths[k]
            for c in 0..<C {
                q[c] -= stock[c] * utilityLoss
                deaths[c] += stock[c] * excess
            }
        }
        let discount = healthDiscount[t]
        let groupQalys = outcome.groupQalys.pointer, groupDeaths = outcome.groupDeaths.pointer
        let yearlyGroupQalys = outcome.yearlyGroupQalys.pointer
        layout.cohortGroup.withUnsafeBufferPointer { group in
            for c in 0..<C {
                let g = group[c]
                groupQalys[g] += q[c] * discount
                groupDeaths[g] += deaths[c]
                yearlyGroupQalys[g * T + t] += q[c]
            }
        }
        let yearQalys = laneSum(q, C)
        outcome.yearlyQalys[t] = yearQalys
        outcome.qalys += yearQalys * discount
        outcome.deaths += laneSum(deaths, C)
    }
}
