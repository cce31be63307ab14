import Foundation
import LinearProgramming

/// The linear program of an ``AllocationProblem`` with handles to its variables and constraints,
/// so a solution can be read back and a frontier sweep can change the gap limit in place.
///
/// Names (as in the MPS file): `x[LINE]` budget in £m, `s[LINE][k]` segment k, `G[GROUP]` net QALY
/// gain, `define[LINE]`, `gain[GROUP]`, `total`, `no_worse_off[GROUP]`, and per objective `t`
/// with `worst_off[GROUP]` (maximin), `W[GROUP]` with `tangent[GROUP][i]` (atkinson), or `gap`
/// (gap-limit).
public struct AllocationProgram: Sendable {
    public static let poundsPerUnit = 1e6

    public var program: LinearProgram
    public let budget: [Variable]
    /// `[line][k]`.
    public let segments: [[Variable]]
    public let gain: [Variable]
    public let totalConstraint: Constraint
    public let noWorseOff: [Constraint]
    /// Every row, in the order added (for reporting each constraint's shadow price).
    public let constraints: [Constraint]
    /// The `h_last − h_first ≤ δ` row, present for gap-limit (and frontier sweeps).
    public let gapConstraint: Constraint?
    /// The expression of total net health Σ G_g, the objective of total-health and gap-limit.
    public let totalHealth: LinearExpression
    /// `h_last − h_first` as an expression (with its constant).
    public let gapExpression: LinearExpression

    public init(_ problem: AllocationProblem) {
        let curves = problem.curves
        let G = curves.groups.count
        let unit = Self.poundsPerUnit
        var lp = LinearProgram(direction: .maximise)
        var rows: [Constraint] = []
        @discardableResult
        func add(_ name: String, _ expression: LinearExpression, _ relation: Relation, _ rhs: Double) -> Constraint {
            let row = lp.addConstraint(name, expression, relation, rhs)
            rows.append(row)
            return row
        }
        var budget: [Variable] = [], segments: [[Variable]] = []
        var gainTerms = [[(Variable, Double)]](repeating: [], count: G)
        var gainConstant = [Double](repeating: 0, count: G)
        let currentLevel = problem.currentLevel
        for (l, line) in curves.lines.enumerated() {
            let levels = line.levels
            let x = lp.addVariable("x[\(line.name)]", lower: problem.bounds[l].lowerBound / unit, upper: problem.bounds[l].upperBound / unit)
            var row: [Variable] = []
            for k in 0..<(levels.count - 1) {
                row.append(lp.addVariable("s[\(line.name)][\(k)]", lower: 0, upper: (levels[k + 1] - levels[k]) / unit))
            }
            add("define[\(line.name)]", x - LinearExpression.sum(row), .equal, levels[0] / unit)
            let today = currentLevel[l]
            for g in 0..<G {
                let envelope = problem.envelope[l][g]
                // Gains count from the envelope at today's budget, so today's allocation predicts
                // no change even where the envelope bridges a dip at today's point.
                gainConstant[g] += envelope[0] - (today.map { envelope[$0] } ?? 0)
                for k in row.indices {
                    let slope = (envelope[k + 1] - envelope[k]) / ((levels[k + 1] - levels[k]) / unit)
                    gainTerms[g].append((row[k], slope))
                }
            }
            budget.append(x)
            segments.append(row)
        }
        for g in 0..<G { gainConstant[g] += problem.gainOffset[g] }
        var gain: [Variable] = []
        for g in 0..<G {
            let v = lp.addVariable("G[\(curves.groups[g])]", lower: -.infinity, upper: .infinity)
            add("gain[\(curves.groups[g])]", v - LinearExpression.sum(gainTerms[g]), .equal, gainConstant[g])
            gain.append(v)
        }
        totalConstraint = add("total", LinearExpression.sum(budget), problem.atMost ? .lessOrEqual : .equal, problem.total / unit)
        noWorseOff = problem.noGroupWorseOff
            ? (0..<G).map { add("no_worse_off[\(curves.groups[$0])]", LinearExpression(gain[$0]), .greaterOrEqual, 0) }
            : []
        let first = 0, last = G - 1
        let N = curves.populations, b = problem.baselineHealth
        let gapExpression = (1 / N[last]) * gain[last] - (1 / N[first]) * gain[first] + (b[last] - b[first])
        let totalHealth = LinearExpression.sum(gain)

        var gapConstraint: Constraint?
        switch problem.objective {
        case .totalHealth:
            lp.setObjective(totalHealth)
        case .weighted(let weights):
            lp.setObjective(LinearExpression.sum(zip(gain, weights).map { ($0, $1) }))
        case .maximin:
            let t = lp.addVariable("t", lower: -.infinity, upper: .infinity)
            for g in 0..<G {
                // t ≤ b_g + G_g / N_g
                add("worst_off[\(curves.groups[g])]", t - (1 / N[g]) * gain[g], .lessOrEqual, b[g])
            }
            lp.setObjective(LinearExpression(t))
        case .atkinson(let epsilon):
            // u_g ≤ u(a) + u'(a)(h_g − a) with h_g = b_g + G_g/N_g, written for the welfare change
            // W_g = N_g (u_g − u(b_g)) so that coefficients are near 1 (1/N_g would be ~1e-6 and
            // fall below the solver's tolerances):
            //     W_g − u'(a) G_g ≤ N_g [u(a) − u(b_g) + u'(a)(b_g − a)].
            // Maximising Σ_g W_g maximises Σ_g p_g u(h_g): they differ by constants.
            var objective = LinearExpression()
            for g in 0..<G {
                let w = lp.addVariable("W[\(curves.groups[g])]", lower: -.infinity, upper: .infinity)
                let tangents = AtkinsonTangents(epsilon: epsilon, range: problem.healthRange(group: g), count: AllocationProblem.tangentCount)
                let base = tangents.utility(b[g])
                for (i, a) in tangents.points.enumerated() {
                    let slope = tangents.derivative(a)
                    add("tangent[\(curves.groups[g])][\(i)]", w - slope * gain[g], .lessOrEqual,
                                     N[g] * (tangents.utility(a) - base + slope * (b[g] - a)))
                }
                objective += w
            }
            lp.setObjective(objective)
        case .gapLimit(let delta):
            gapConstraint = add("gap", gapExpression - gapExpression.constant, .lessOrEqual, delta - gapExpression.constant)
            lp.setObjective(totalHealth)
        }
        program = lp
        constraints = rows
        self.budget = budget
        self.segments = segments
        self.gain = gain
        self.gapConstraint = gapConstraint
        self.totalHealth = totalHealth
        self.gapExpression = gapExpression
    }
}
