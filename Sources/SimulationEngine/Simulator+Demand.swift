import Foundation

extension Simulator {
    /// Demand, supply response and proportional rationing of every service in year t:
    /// `D = (N·b + Σ_k P·u·a')·(K/K0)^η + β·U[t−1] − V` floored at 0, then `A = D` when
    /// `Σ_c D ≤ K`, else `A = D·K/Σ_c D`; `U = D − A` (MODEL.md §2).
    func meetDemand<Noise: DemandNoise>(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome, year t: Int, noise: Noise) {
        let C = layout.cohortCount, K = layout.needCount, S = layout.serviceCount, T = layout.horizon
        let N = w.population.pointer, P = w.stock.pointer
        let needDriven = w.needDriven.pointer, D = w.demand.pointer
        let unmetLoss = w.unmetLoss.pointer, unmetDeaths = w.unmetDeaths.pointer
        let groupUnmet = outcome.groupUnmet.pointer
        w.unmetLoss.fill(0)
        w.unmetDeaths.fill(0)
        for s in 0..<S {
            let capacity = x.capacity[s * T + t], baseCapacity = x.baseCapacity[s * T + t]
            let response = baseCapacity > 0 ? pow(capacity / baseCapacity, x.elasticity[s]) : 1
            w.needDriven.fill(0)
            for k in 0..<K {
                let use = x.use[k * S + s]
                guard use > 0 else { continue }
                let stock = P + k * C
                for c in 0..<C { needDriven[c] += stock[c] * use }
            }
            let baseRate = x.baseRate.pointer + s * C, access = x.access.pointer + s * C
            let gain = w.accessGain.pointer + s * C, avoided = w.avoided.pointer + s * C
            let previous = w.unmetPrevious.pointer + s * C
            let carryover = x.carryover[s]
            for c in 0..<C {
                let expressed = min(1, access[c] + (1 - access[c]) * gain[c])
                D[c] = max(0, (N[c] * baseRate[c] + needDriven[c] * expressed) * response
                    + carryover * previous[c] - avoided[c])
            }
            if !noise.isIdentity {
                for c in 0..<C { D[c] = noise.demand(mean: D[c], cohort: c, service: s, year: t) }
            }
            let total = laneSum(D, C)
            let unmet = w.unmetCurrent.pointer + s * C
            let activityTotal: Double, unmetTotal: Double
            if total <= capacity {
                // Everything is served: A = D and U = 0.
                unmet.update(repeating: 0, count: C)
                activityTotal = total
                unmetTotal = 0
            } else {
                let served = total > 0 ? capacity / total : 0
                let qalyLoss = x.qalyLoss[s], deaths = x.deathsPerUnmet[s]
                layout.cohortGroup.withUnsafeBufferPointer { group in
                    for c in 0..<C {
                        let u = D[c] - D[c] * served
                        unmet[c] = u
                        unmetLoss[c] += u * qalyLoss
                        unmetDeaths[c] += u * deaths
                        groupUnmet[group[c]] += u
                    }
                }
                unmetTotal = laneSum(unmet, C)
                activityTotal = total - unmetTotal
            }
            #if PHM_INVARIANTS
            Invariant.require(Invariant.activityWithinDemand(
                demand: UnsafeBufferPointer(start: D, count: C), unmet: UnsafeBufferPointer(start: unmet, count: C),
                capacity: capacity, service: s, year: t))
            #endif
            outcome.yearlyDemand[s * T + t] = total
            outcome.yearlyActivity[s * T + t] = activityTotal
            outcome.yearlyUnmet[s * T + t] = unmetTotal
            outcome.serviceDemand[s] += total
            outcome.serviceActivity[s] += activityTotal
            outcome.serviceUnmet[s] += unmetTotal
        }
    }
}
