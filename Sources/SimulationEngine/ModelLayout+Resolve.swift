import ScenarioModel

extension ModelLayout {
    /// The parameter vector an option sees in one draw: the draw's values with the option's
    /// `set` overrides written over the values they replace (MODEL.md §3: an option's `set`
    /// replaces a value for that option alone; everything else is common to all options).
    public func optionValues(_ values: [Double], option: Int) -> [Double] {
        var result = values
        for slot in overrideSlots[option] {
            result[slot.target] = values[slot.source]
        }
        return result
    }

    /// Budgets per line and year after the option's `budgets` and then its shifts, clamped at 0:
    /// `[line*T + t]`, services first, then interventions.
    public func lineBudgets(_ values: [Double], option: Int) -> [Double] {
        let T = horizon
        var budgets = [Double](repeating: 0, count: lineCount * T)
        for line in 0..<lineCount {
            for t in 0..<T { budgets[line * T + t] = max(0, values[budget[line][t]]) }
        }
        for (line, yearly) in options[option].budgets {
            let l = lineIndex(line)
            for t in 0..<T { budgets[l * T + t] = max(0, yearly[t]) }
        }
        #if PHM_INVARIANTS
        let beforeShifts = budgets
        #endif
        for (shift, amounts) in zip(options[option].shifts, shiftAmounts[option]) {
            let from = lineIndex(shift.from), to = lineIndex(shift.to)
            for t in 0..<T {
                let amount = max(0, values[amounts[t]])
                budgets[from * T + t] -= amount
                budgets[to * T + t] += amount
            }
        }
        #if PHM_INVARIANTS
        Invariant.require(Invariant.moneyConserved(before: beforeShifts, after: budgets, years: T))
        #endif
        for i in budgets.indices { budgets[i] = max(0, budgets[i]) }
        return budgets
    }

    /// Capacity `K[s,t] = budget[s,t] / unit_cost[s]` of the base option in this draw
    /// (`[s*T + t]`): the K0 against which options' supply responses are measured.
    public func baseCapacity(_ values: [Double]) -> [Double] {
        let budgets = lineBudgets(values, option: 0)
        var result = [Double](repeating: 0, count: serviceCount * horizon)
        for s in 0..<serviceCount {
            let cost = values[unitCost[s]]
            for t in 0..<horizon { result[s * horizon + t] = cost > 0 ? budgets[s * horizon + t] / cost : 0 }
        }
        return result
    }

    /// Fills `inputs` with everything the equations need for one option in one draw.
    ///
    /// - Parameters:
    ///   - values: the option's parameter vector (``optionValues(_:option:)``).
    ///   - baseCapacity: K0 from ``baseCapacity(_:)`` of the draw's base values.
    /// Values are clamped to the range they must respect (docs/MODEL-NOTES.md, "Values at
    /// draw time"); in deterministic mode valid scenarios never reach a clamp.
    public func resolve(_ values: [Double], option: Int, baseCapacity: [Double], into x: ResolvedInputs) {
        let C = cohortCount, K = needCount, S = serviceCount, J = interventionCount, T = horizon
        let share = 0.0...1.0, nonNegative = 0.0...Double.infinity, any = -Double.infinity...Double.infinity
        func clamp(_ v: Double, _ range: ClosedRange<Double>) -> Double { min(max(v, range.lowerBound), range.upperBound) }
        func scalars(_ indices: [Int], _ range: ClosedRange<Double>, into buffer: DoubleBuffer) {
            for (i, p) in indices.enumerated() { buffer[i] = p < 0 ? 0 : clamp(values[p], range) }
        }
        func perCohort(_ plans: [CohortPlan], _ range: ClosedRange<Double>, into buffer: DoubleBuffer) {
            values.withUnsafeBufferPointer { v in
                for (i, plan) in plans.enumerated() { plan.resolve(v, into: buffer.pointer + i * C, clampedTo: range) }
            }
        }

        scalars(population, nonNegative, into: x.population)
        scalars(growth, any, into: x.growth)
        scalars(utility, any, into: x.utility)
        perCohort(prevalence, share, into: x.prevalence)
        scalars(exitRate, share, into: x.exitRate)
        values.withUnsafeBufferPointer { v in
            for k in 0..<K {
                if let plan = incidence[k] {
                    plan.resolve(v, into: x.incidence.pointer + k * C, clampedTo: share)
                } else {
                    // Steady state: inflow ι(1−π)N equals outflow ρπN, so ι = ρπ/(1−π).
                    for c in 0..<C {
                        let p = x.prevalence[k * C + c]
                        x.incidence[k * C + c] = p < 1 ? x.exitRate[k] * p / (1 - p) : 0
                    }
                }
            }
        }
        scalars(utilityLoss, any, into: x.utilityLoss)
        scalars(excessDeaths, nonNegative, into: x.excessDeaths)
        scalars(use, nonNegative, into: x.use)

        let budgets = lineBudgets(values, option: option)
        x.baseCapacity.assign(baseCapacity)
        for s in 0..<S {
            let cost = values[unitCost[s]]
            for t in 0..<T {
                let budget = budgets[s * T + t]
                x.serviceBudget[s * T + t] = budget
                x.capacity[s * T + t] = cost > 0 ? budget / cost : 0
            }
        }
        perCohort(baseRate, nonNegative, into: x.baseRate)
        perCohort(access, share, into: x.access)
        scalars(elasticity, any, into: x.elasticity)
        scalars(carryover, share, into: x.carryover)
        scalars(qalyLoss, any, into: x.qalyLoss)
        scalars(deathsPerUnmet, nonNegative, into: x.deathsPerUnmet)

        for j in 0..<J {
            for t in 0..<T { x.interventionBudget[j * T + t] = budgets[(S + j) * T + t] }
        }
        scalars(costPerParticipant, nonNegative, into: x.costPerParticipant)
        scalars(fixedCost, nonNegative, into: x.fixedCost)
        perCohort(uptake, share, into: x.uptake)
        scalars(effectIncidence, share, into: x.effectIncidence)
        scalars(effectDemand, nonNegative, into: x.effectDemand)
        scalars(effectAccess, share, into: x.effectAccess)
        scalars(qalyPerParticipant, any, into: x.qalyPerParticipant)
    }
}
