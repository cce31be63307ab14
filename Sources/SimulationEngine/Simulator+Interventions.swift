extension Simulator {
    /// Coverage and participants of every intervention in year t (MODEL.md §2 Interventions):
    /// `Rch = E·uptake`, `F = max(0, budget − fixed)`, `κ = min(1, F/(cpp·ΣRch))`, `Z = κ·Rch`.
    /// Returns the interventions' cost in year t: `fixed + cpp·ΣZ` for each funded programme.
    func enrolParticipants(_ x: ResolvedInputs, _ w: Workspace, _ outcome: SimulationOutcome, year t: Int) -> Double {
        let C = layout.cohortCount, J = layout.interventionCount, T = layout.horizon
        let N = w.population.pointer, P = w.stock.pointer
        var cost = 0.0
        for j in 0..<J {
            let budget = x.interventionBudget[j * T + t]
            let funding = budget > 0 ? max(0, budget - x.fixedCost[j]) : 0
            let Z = w.participants.pointer + ((t % w.participantYears) * J + j) * C
            let uptake = x.uptake.pointer + j * C
            let eligible = layout.eligibleNeed[j] < 0 ? N : P + layout.eligibleNeed[j] * C
            targetWeight.withUnsafeBufferPointer { weights in
                let targeted = weights.baseAddress! + j * C
                for c in 0..<C { Z[c] = eligible[c] * uptake[c] * targeted[c] }
            }
            let reachable = laneSum(Z, C)
            let denominator = x.costPerParticipant[j] * reachable
            let coverage = denominator > 0 ? min(1, funding / denominator) : (funding > 0 ? 1 : 0)
            for c in 0..<C { Z[c] *= coverage }
            w.coverage[j * T + t] = coverage
            let enrolled = coverage * reachable
            outcome.participants[j] += enrolled
            outcome.yearlyParticipants[j * T + t] = enrolled
            if budget > 0 { cost += x.fixedCost[j] + x.costPerParticipant[j] * enrolled }
        }
        return cost
    }

    /// Effects in year t of the participants of year t − L, weighted by w[j,t]:
    /// the kept share of incidence `1 − I = Π_j (1 − w·ε_inc·Z/N)`, demand avoided
    /// `V = Σ_j w·ε_dem·Z`, the access gain `Σ_j w·ε_acc·Z/N` and direct health `G = Σ_j w·γ·Z`;
    /// then mortality and progression (``applyShareEffects(_:_:year:)``).
    func applyEffects(_ x: ResolvedInputs, _ w: Workspace, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount, S = layout.serviceCount
        let J = layout.interventionCount, T = layout.horizon
        let N = w.population.pointer, perHead = w.inversePopulation.pointer
        for c in 0..<C { perHead[c] = N[c] > 0 ? 1 / N[c] : 0 }
        w.incidenceKept.fill(1)
        w.avoided.fill(0)
        w.accessGain.fill(0)
        w.directHealth.fill(0)
        let direct = w.directHealth.pointer
        for j in 0..<J {
            let weight = layout.effectWeight[j * T + t]
            guard weight > 0 else { continue }
            let Z = w.participants.pointer + (((t - layout.lag[j]) % w.participantYears) * J + j) * C
            for k in 0..<K {
                let effect = weight * x.effectIncidence[j * K + k]
                guard effect > 0 else { continue }
                let kept = w.incidenceKept.pointer + k * C
                for c in 0..<C { kept[c] *= max(0, 1 - effect * Z[c] * perHead[c]) }
            }
            for s in 0..<S {
                let demandEffect = weight * x.effectDemand[j * S + s]
                if demandEffect > 0 {
                    let V = w.avoided.pointer + s * C
                    for c in 0..<C { V[c] += demandEffect * Z[c] }
                }
                let accessEffect = weight * x.effectAccess[j * S + s]
                if accessEffect > 0 {
                    let gain = w.accessGain.pointer + s * C
                    for c in 0..<C { gain[c] += accessEffect * Z[c] * perHead[c] }
                }
            }
            let health = weight * x.qalyPerParticipant[j]
            if health != 0 {
                for c in 0..<C { direct[c] += health * Z[c] }
            }
        }
    }

    /// Effects that act through the share of the eligible who take part, `φ = κ·uptake` in
    /// target cohorts, of year t − L (MODEL.md §2): the death rate after interventions
    /// `m' = m·Π_j (1 − w·ε_mort·φ)` and the kept share of progression `1 − R = Π_j (1 − w·ε_prog·φ)`.
    /// Only scenarios with such effects pay for these loops.
    func applyShareEffects(_ x: ResolvedInputs, _ w: Workspace, year t: Int) {
        let C = layout.cohortCount, K = layout.needCount, J = layout.interventionCount, T = layout.horizon
        let mortality = layout.hasMortalityEffects, progression = layout.hasProgressionEffects
        if mortality { w.deathRate.assign(from: x.excessDeaths) }
        if !layout.progressionRoutes.isEmpty { w.progressionKept.fill(1) }
        guard mortality || progression else { return }
        targetWeight.withUnsafeBufferPointer { weights in
            for j in 0..<J {
                let weight = layout.effectWeight[j * T + t]
                guard weight > 0 else { continue }
                let coverage = w.coverage[j * T + t - layout.lag[j]]
                let uptake = x.uptake.pointer + j * C, targeted = weights.baseAddress! + j * C
                for k in 0..<K {
                    let death = weight * x.effectMortality[j * K + k] * coverage
                    if mortality && death > 0 {
                        let m = w.deathRate.pointer + k * C
                        for c in 0..<C { m[c] *= 1 - death * uptake[c] * targeted[c] }
                    }
                    let slowed = weight * x.effectProgression[j * K + k] * coverage
                    if progression && slowed > 0 {
                        let kept = w.progressionKept.pointer + k * C
                        for c in 0..<C { kept[c] *= 1 - slowed * uptake[c] * targeted[c] }
                    }
                }
            }
        }
    }
}
