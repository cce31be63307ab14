import Foundation
import LinearProgramming
import ScenarioModel

/// The linear program behind `phm bench`'s frontier benchmark (issue 6, "Done when"): the
/// scenario's budget lines split by equity group and year, each split line a concave response
/// entered as piecewise-linear segments, with a budget row per year, a floor and a ceiling per line
/// and year, and one gap-limit row that the frontier sweeps.
///
/// **The response slopes are synthetic** (documented, deterministic, derived from the scenario's
/// means, not from simulation): a timing workload needs the size and shape of a real allocation
/// LP, not its answer. For line ℓ, group g, year t and segment k = 0..<S, the QALYs per £m are
/// `σ = 10⁶ · v_ℓ · n_g · (1 + r)^(−t) · (S − k)/S`, where
/// - `v_ℓ` is the line's QALYs per £ at zero spend: its own parameters give its value relative
///   to the other lines (`qaly_loss_per_unmet / unit_cost` for a service,
///   `qaly_per_participant / cost_per_participant` for an intervention, at least 1/10 of the
///   lines' mean so every line is worth something), scaled so that the lines' mean is
///   `2 / threshold` (the first £ buys health at half the threshold's price);
/// - `n_g = (mean baseline health / baseline health of g)⁴` (1 without `baseline_health`), so a £
///   buys more health where health is worse;
/// - `r` is the health discount rate, and `(S − k)/S` makes each response concave.
/// Segment k of (ℓ, g, t) holds up to `3 · b[ℓ,t] · p_g / S` £m, where `b` is today's budget
/// and `p_g` the group's population share: each group can get up to three times its share.
///
/// Rows: `budget_t`: Σ spend ≤ today's total of year t; `floor_ℓ_t` / `ceiling_ℓ_t`: a line's
/// spend in year t between 0.5 and 2 times today's; `gap_limit`: the gain per person of the least
/// deprived group minus that of the most deprived ≤ D (the gap between them, less the baseline
/// gap, in QALYs per person). The objective maximises total discounted QALYs.
struct FrontierBenchmarkProgram {
    /// The program with the gap limit switched off (right-hand side +∞).
    let program: LinearProgram
    let gapLimit: Constraint
    /// The gap row's expression, to minimise it when finding the smallest feasible gap.
    let gapExpression: LinearExpression
    let lineCount: Int
    let groupCount: Int
    let years: Int
    let segments: Int

    init(scenario: Scenario, segments: Int) {
        let years = scenario.horizon
        let groups = scenario.groupNames
        var populations = [Double](repeating: 0, count: groups.count)
        for cohort in scenario.cohorts {
            populations[cohort.levels[scenario.equity.dimension]] += cohort.population.distribution.mean
        }
        let totalPopulation = populations.reduce(0, +)
        let need: [Double]
        if let baseline = scenario.equity.baselineHealth {
            let mean = baseline.reduce(0, +) / Double(baseline.count)
            need = baseline.map { pow(mean / $0, 4) }
        } else {
            need = Array(repeating: 1, count: groups.count)
        }
        var lines: [(name: String, value: Double, budget: YearlyValue)] = scenario.services.map { service in
            (service.name, service.qalyLossPerUnmet.distribution.mean / max(service.unitCost.distribution.mean, 1e-9), service.budget)
        }
        lines += scenario.interventions.map { intervention in
            (intervention.name,
             intervention.effects.qalyPerParticipant.distribution.mean / max(intervention.costPerParticipant.distribution.mean, 1e-9),
             intervention.budget)
        }
        let rawMean = lines.map(\.value).reduce(0, +) / Double(max(lines.count, 1))
        let floorValue = rawMean > 0 ? rawMean / 10 : 1
        lines = lines.map { ($0.name, max($0.value, floorValue), $0.budget) }
        let scale = 2 / scenario.threshold / (lines.map(\.value).reduce(0, +) / Double(max(lines.count, 1)))
        lines = lines.map { ($0.name, $0.value * scale, $0.budget) }

        var program = LinearProgram(direction: .maximise)
        var yearSpend = [LinearExpression](repeating: LinearExpression(), count: years)
        var yearTotal = [Double](repeating: 0, count: years)
        var gap = LinearExpression()
        let first = 0, last = groups.count - 1
        for line in lines {
            for t in 0..<years {
                let budget = max(0, line.budget.parameter(year: t).distribution.mean) / 1e6  // £m
                yearTotal[t] += budget
                var lineSpend = LinearExpression()
                let discount = pow(1 + scenario.discount.health, -Double(t))
                for g in groups.indices {
                    let width = 3 * budget * populations[g] / totalPopulation / Double(segments)
                    for k in 0..<segments {
                        let slope = 1e6 * line.value * need[g] * discount * Double(segments - k) / Double(segments)
                        let y = program.addVariable("\(line.name)_\(groups[g])_y\(t)_s\(k)", upper: width, objective: slope)
                        lineSpend.add(y)
                        if g == last { gap.add(y, slope / populations[last]) }
                        if g == first { gap.add(y, -slope / populations[first]) }
                    }
                }
                program.addConstraint("floor_\(line.name)_y\(t)", lineSpend, .greaterOrEqual, 0.5 * budget)
                program.addConstraint("ceiling_\(line.name)_y\(t)", lineSpend, .lessOrEqual, 2 * budget)
                yearSpend[t] += lineSpend
            }
        }
        for t in 0..<years {
            program.addConstraint("budget_y\(t)", yearSpend[t], .lessOrEqual, yearTotal[t])
        }
        gapLimit = program.addConstraint("gap_limit", gap, .lessOrEqual, .infinity)
        gapExpression = gap
        self.program = program
        lineCount = lines.count
        groupCount = groups.count
        self.years = years
        self.segments = segments
    }
}
