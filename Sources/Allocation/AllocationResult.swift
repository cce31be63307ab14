import Foundation
import LinearProgramming

/// A solved allocation: budgets, predicted gains and the LP's shadow prices (MODEL.md §5).
public struct AllocationResult: Sendable, Codable {
    public struct Line: Sendable, Codable {
        public let line: String
        /// Today's mean yearly budget (£).
        public let current: Double
        /// The optimal mean yearly budget (£).
        public let optimal: Double
        public let lower: Double
        public let upper: Double
        /// `lower`, `upper` or nil: which bound holds the line.
        public let binding: String?
        /// Gain in the objective per £1m more room at the binding bound (a higher upper bound or a
        /// lower lower bound): the reduced cost of the budget or of its end segment, whichever binds.
        public let boundPricePerMillion: Double?
    }

    public struct Group: Sendable, Codable {
        public let name: String
        /// Predicted net QALY gain G_g (envelope-based).
        public let netGain: Double
        /// Predicted final health h_g = b_g + G_g / N_g.
        public let health: Double
        /// Shadow price of "no group worse off" for this group (objective per QALY), if imposed.
        public let noWorseOffPrice: Double?
    }

    public let objective: String
    public let objectiveUnits: String
    /// The LP's optimal value, including its constant: the value of the exported MPS objective.
    public let objectiveValue: Double
    public let lines: [Line]
    public let groups: [Group]
    /// Predicted change in total net health Σ G_g (QALYs).
    public let totalNetGain: Double
    /// Predicted change in discounted cost (£, interpolated on the cost curves).
    public let costChange: Double
    /// Objective per £1m more on the total.
    public let totalPricePerMillion: Double
    /// Shadow price of every constraint whose price is not 0, by its name in the MPS file (the
    /// objective's change per unit more right-hand side; money rows per £1m).
    public let constraintPrices: [ConstraintPrice]
    /// Gap-limit only: QALYs of total net health forgone per unit of gap closed (the gap row's dual).
    public let gapPrice: Double?
    /// Atkinson only: LP value − exact `Σ N_g (u(h_g) − u(b_g))` at the solution (≥ 0).
    public let approximationGap: Double?
    /// Lines whose segments were not filled in order (the LP used a later, flatter segment before
    /// an earlier one): the predicted gains of these lines are not on their concave envelopes.
    public let outOfOrderLines: [String]
    public let iterations: Int
}

/// One constraint's name and shadow price.
public struct ConstraintPrice: Sendable, Codable {
    public let name: String
    public let price: Double
}

extension AllocationProblem {
    /// Solves the problem.
    /// - Throws: ``AllocationError/infeasible(detail:)`` or ``AllocationError/solver(_:)``.
    public func solve() throws(AllocationError) -> AllocationResult {
        let built = AllocationProgram(self)
        let solution: LinearProgramSolution
        do {
            solution = try built.program.solve()
        } catch {
            throw Self.map(error)
        }
        return result(built, solution)
    }

    static func map(_ error: LinearProgramError) -> AllocationError {
        if case .infeasible(let names) = error {
            return .infeasible(detail: names.isEmpty ? "the solver reports the constraints cannot all hold" : "conflicting: \(names.joined(separator: ", "))")
        }
        return .solver(error)
    }

    /// Reads a solution of `built` back into budgets, gains and prices.
    public func result(_ built: AllocationProgram, _ solution: LinearProgramSolution) -> AllocationResult {
        let unit = AllocationProgram.poundsPerUnit
        let G = curves.groups.count
        let tolerance = 1e-7
        var lines: [AllocationResult.Line] = []
        var cost = 0.0
        var outOfOrder: [String] = []
        for (l, curve) in curves.lines.enumerated() {
            // (clamped to the bounds: the solver's values may overshoot them by its tolerance)
            let x = min(max(solution[built.budget[l]] * unit, bounds[l].lowerBound), bounds[l].upperBound)
            // The bound of x_ℓ and the caps of its end segments coincide when the bound is a curve
            // end, so the price of more room is the reduced cost of whichever of them binds.
            var binding: String?, price = 0.0
            let segments = built.segments[l]
            if abs(x - bounds[l].upperBound) <= BudgetLevels.samePounds {
                price = solution.reducedCost(built.budget[l])
                if let last = segments.lastIndex(where: { solution[$0] > 1e-9 }) { price += solution.reducedCost(segments[last]) }
                binding = "upper"
            } else if abs(x - bounds[l].lowerBound) <= BudgetLevels.samePounds {
                price = -solution.reducedCost(built.budget[l])
                if let first = segments.firstIndex(where: { solution[$0] < built.program.bounds(of: $0).upper - 1e-9 }) {
                    price -= solution.reducedCost(segments[first])
                }
                binding = "lower"
            }
            if price <= tolerance { binding = nil }
            lines.append(.init(line: curve.name, current: curve.current, optimal: x, lower: bounds[l].lowerBound,
                               upper: bounds[l].upperBound, binding: binding, boundPricePerMillion: binding == nil ? nil : price))
            cost += curve.interpolate(curve.costChange, at: x)
            let filled = built.segments[l].map { solution[$0] * unit }
            let widths = zip(curve.levels.dropFirst(), curve.levels).map { $0 - $1 }
            // Out of order: a later segment used while an earlier one is not full, and the earlier
            // one is steeper for some group (with equal slopes the order makes no difference).
            if let k = filled.indices.first(where: { filled[$0] < widths[$0] - BudgetLevels.samePounds }),
               let later = filled.indices.dropFirst(k + 1).first(where: { filled[$0] > BudgetLevels.samePounds }) {
                let steeper = (0..<G).contains { g in
                    let e = envelope[l][g], v = curve.levels
                    let early = (e[k + 1] - e[k]) / (v[k + 1] - v[k]), late = (e[later + 1] - e[later]) / (v[later + 1] - v[later])
                    return early - late > 1e-9 * max(1, abs(early))
                }
                if steeper { outOfOrder.append(curve.name) }
            }
        }
        let gains = built.gain.map { solution[$0] }
        let health = (0..<G).map { baselineHealth[$0] + gains[$0] / curves.populations[$0] }
        let groups = (0..<G).map { g in
            AllocationResult.Group(name: curves.groups[g], netGain: gains[g], health: health[g],
                                   noWorseOffPrice: built.noWorseOff.isEmpty ? nil : solution.shadowPrice(built.noWorseOff[g]))
        }
        var approximationGap: Double?
        if case .atkinson(let epsilon) = objective {
            let tangents = AtkinsonTangents(epsilon: epsilon, range: 1...1, count: 1)
            let exact = (0..<G).reduce(0.0) {
                $0 + curves.populations[$1] * (tangents.utility(health[$1]) - tangents.utility(baselineHealth[$1]))
            }
            approximationGap = solution.objective - exact
        }
        return AllocationResult(
            objective: objective.name, objectiveUnits: objective.units, objectiveValue: solution.objective,
            lines: lines, groups: groups, totalNetGain: gains.reduce(0, +), costChange: cost,
            totalPricePerMillion: solution.shadowPrice(built.totalConstraint),
            constraintPrices: built.constraints.compactMap { row in
                let price = solution.shadowPrice(row)
                return abs(price) > 1e-12 ? ConstraintPrice(name: built.program.name(of: row), price: price) : nil
            },
            gapPrice: built.gapConstraint.map { solution.shadowPrice($0) },
            approximationGap: approximationGap, outOfOrderLines: outOfOrder, iterations: solution.iterations)
    }
}

extension AllocationProblem {
    /// Lines whose optimal budget lies strictly between two breakpoints where the envelope of
    /// some group bridges a dip: at least one end of that stretch lies below the envelope, so the
    /// LP's straight line promises more than the simulated points around it.
    public func linesOnBridgedStretches(_ result: AllocationResult) -> [String] {
        curves.lines.indices.compactMap { l -> String? in
            let levels = curves.lines[l].levels, x = result.lines[l].optimal
            guard let k = levels.indices.dropLast().first(where: { levels[$0] + 1 < x && x < levels[$0 + 1] - 1 }) else { return nil }
            let bridged = curves.groups.indices.contains { g in
                [k, k + 1].contains { envelope[l][g][$0] - netGain[l][$0][g] > 1e-6 * max(1, abs(envelope[l][g][$0])) }
            }
            return bridged ? curves.lines[l].name : nil
        }
    }
}
