import Allocation
import Foundation
import LinearProgramming
import ScenarioModel

/// The linear program behind `phm-bench`'s frontier benchmark (issue 6, "Done when"): the
/// scenario's budget lines split by equity group and year, each split line a concave response
/// entered as piecewise-linear segments, with a budget row per year, a floor and a ceiling per line
/// and year, and one gap-limit row that the frontier sweeps.
///
/// The slopes come from the engine: ``responseCurves(scenario:levels:threads:)`` simulates every
/// line at `levels + 1` budgets (multiples 0, 3/L, …, 3 of today's, plus today's; £0 to £1m for a
/// line at 0 today) in deterministic mode (one run at the means, MODEL.md §5), and each group's
/// curve is made concave by its upper envelope (``ConcaveEnvelope``). Splitting by group and year:
/// segment k of line ℓ (levels v_k−1 → v_k, envelope slope s_ℓgk in discounted QALYs per £ of mean
/// yearly budget) becomes, for group g and year t, a variable of width `(v_k − v_k−1)·b_ℓ[t]·p_g`
/// (£m; `b_ℓ` today's yearly profile, `p_g` the group's population share) and slope
/// `s_ℓgk · d_t / (p_g · Σ_t' d_t'·b_ℓ[t'])` (`d_t` the health discount factor). Funding every
/// group and year of a line to level v reproduces that line's simulated gains exactly; funding
/// them separately is the "split by group and year" of the issue, a modelling stretch that
/// suits a timing workload (the same curves drive `phm optimise`, which does not split lines).
///
/// Rows: `budget_y<t>`: Σ spend ≤ today's total of year t; `floor_<line>_y<t>` and
/// `ceiling_<line>_y<t>`: a line's spend in year t between 0.5 and 2 times today's (0 to the
/// top level for a line at 0 today); `gap_limit`: the gain per person of the least deprived
/// group minus that of the most deprived ≤ D (the change of the gap between them, in QALYs per
/// 100,000 people: per person, its coefficients would fall below the 1e-9 that HiGHS drops).
/// The objective maximises total discounted QALYs.
public struct FrontierBenchmarkProgram: Sendable {
    /// The program with the gap limit switched off (right-hand side +∞).
    public let program: LinearProgram
    public let gapLimit: Constraint
    /// The gap row's expression, to minimise it when finding the smallest feasible gap.
    public let gapExpression: LinearExpression

    /// Simulates the response curves the program is built from (deterministic: one run at the
    /// means per point).
    public static func responseCurves(scenario: Scenario, levels: Int, threads: Int) async throws -> ResponseCurves {
        var settings = Scenario.Optimisation()
        settings.levels = (0...levels).map { 3 * Double($0) / Double(levels) }
        settings.newLineLevels = (0...levels).map { 1_000_000 * Double($0) / Double(levels) }
        // Each line's curve spans exactly its levels: 0 to 3 × today's (£0 to £1m if unfunded today).
        let bounds = scenario.budgetLines.map { line -> ClosedRange<Double> in
            let yearly = scenario.currentBudget(line)
            let mean = yearly.reduce(0, +) / Double(yearly.count)
            return 0...(mean > 0 ? 3 * mean : 1_000_000)
        }
        let budgetLevels = BudgetLevels(scenario: scenario, settings: settings, bounds: bounds)
        return try await ResponseCurves.simulate(scenario: scenario, levels: budgetLevels, draws: 1,
                                                 seed: scenario.monteCarlo.seed, threads: threads, deterministic: true)
    }

    public init(curves: ResponseCurves, healthDiscount: Double) {
        let groups = curves.groups
        let totalPopulation = curves.populations.reduce(0, +)
        let shares = curves.populations.map { $0 / totalPopulation }
        let years = curves.lines.first?.profile.count ?? 0
        let discount = (0..<years).map { pow(1 + healthDiscount, -Double($0)) }
        let first = 0, last = groups.count - 1

        var program = LinearProgram(direction: .maximise)
        var yearSpend = [LinearExpression](repeating: LinearExpression(), count: years)
        var yearTotal = [Double](repeating: 0, count: years)
        var gap = LinearExpression()
        for line in curves.lines {
            let levels = line.levels.map { $0 / 1e6 }  // £m
            let slopes = groups.indices.map { g in
                ConcaveEnvelope.slopes(x: line.levels, y: line.qalyGain.map { $0[g] }).map { $0 * 1e6 }  // QALYs per £m
            }
            let weight = zip(discount, line.profile).map(*).reduce(0, +)
            let today = line.current / 1e6
            for t in 0..<years {
                yearTotal[t] += today * line.profile[t]
                var lineSpend = LinearExpression()
                for g in groups.indices {
                    for k in 1..<levels.count {
                        let width = (levels[k] - levels[k - 1]) * line.profile[t] * shares[g]
                        let slope = slopes[g][k - 1] * discount[t] / (shares[g] * weight)
                        let y = program.addVariable("\(line.name)_\(groups[g])_y\(t)_s\(k)", upper: width, objective: slope)
                        lineSpend.add(y)
                        if g == last { gap.add(y, slope * 1e5 / curves.populations[last]) }
                        if g == first { gap.add(y, -slope * 1e5 / curves.populations[first]) }
                    }
                }
                let (floor, ceiling) = today > 0
                    ? (0.5 * today * line.profile[t], 2 * today * line.profile[t])
                    : (0, levels[levels.count - 1] * line.profile[t])
                program.addConstraint("floor_\(line.name)_y\(t)", lineSpend, .greaterOrEqual, floor)
                program.addConstraint("ceiling_\(line.name)_y\(t)", lineSpend, .lessOrEqual, ceiling)
                yearSpend[t] += lineSpend
            }
        }
        for t in 0..<years {
            program.addConstraint("budget_y\(t)", yearSpend[t], .lessOrEqual, yearTotal[t])
        }
        gapLimit = program.addConstraint("gap_limit", gap, .lessOrEqual, .infinity)
        gapExpression = gap
        self.program = program
    }
}
