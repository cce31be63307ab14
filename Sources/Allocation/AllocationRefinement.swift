/// Successive linear programming (docs/MODEL-NOTES.md, "Allocation"): corrects the additive
/// response curves of ``AllocationProblem`` where budget lines interact.
///
/// The first LP's curves vary one line with every other line at today's budget, so when a
/// prevention programme and the service whose demand it avoids both move, the LP's prediction
/// (the sum of their curves) and the simulation of the allocation disagree. Each round here
/// simulates new curves *around* the previous allocation `x` — each line over levels in a trust
/// region `x_ℓ ± r·(upper_ℓ − lower_ℓ)`, every other line at `x` — so the LP's prediction is the
/// simulated gain of `x` plus the sum of the lines' changes from `x`, which is exact at `x` and
/// first-order right near it. The LP's allocation is simulated and accepted only when its
/// simulated objective beats `x`'s; otherwise the region is halved and `x` kept. The simulation
/// is a closure (the engine in `phm optimise`, a formula in the tests).
///
/// Rounds are compared by the objective evaluated on the simulated gains by group (``score``).
public struct AllocationRefinement: Sendable {
    /// What a simulation of one allocation returns, against today's allocation (mean over draws).
    public struct Outcome: Sendable, Equatable {
        /// Discounted QALY gain of each group.
        public var qalyGain: [Double]
        /// Change in discounted cost (£).
        public var costChange: Double

        public init(qalyGain: [Double], costChange: Double) {
            self.qalyGain = qalyGain
            self.costChange = costChange
        }
    }

    /// One round: round 0 is the first LP's allocation, simulated.
    public struct Round: Sendable, Codable, Equatable {
        public let round: Int
        /// The LP's predicted total net gain Σ G_g (QALYs).
        public let predictedTotal: Double
        /// The simulated total net gain of the round's allocation.
        public let simulatedTotal: Double
        /// Whether the allocation was kept (its simulated objective beat the previous one's).
        public let accepted: Bool
        /// Trust-region radius r as a share of each line's bound width (0 for round 0).
        public let radius: Double
        /// Mean yearly budget of each line (£).
        public let allocation: [Double]
    }

    /// The accepted allocation and the history of rounds.
    public struct Refined: Sendable {
        /// The LP result of the accepted allocation, with today's budgets and the original bounds
        /// (its predictions and shadow prices are those of the round's LP around its centre).
        public let result: AllocationResult
        /// Simulated outcome of the accepted allocation.
        public let simulated: Outcome
        public let rounds: [Round]
    }

    /// Most further rounds after the first LP.
    public let rounds: Int
    /// `(per_qaly, shares)` of `equity.opportunity_cost`, as in ``AllocationProblem``.
    public let opportunityCost: (perQaly: Double, shares: [Double])?
    /// The first trust-region radius, as a share of each line's bound width.
    public var initialRadius = 0.5
    /// Rounds stop once an accepted allocation's predicted and simulated totals differ by at most
    /// this share of the simulated one.
    public var agreement = 0.01
    /// Levels simulated on each side of a line's centre in a round.
    public var levelsPerSide = 4

    public init(rounds: Int, opportunityCost: (perQaly: Double, shares: [Double])?) {
        self.rounds = rounds
        self.opportunityCost = opportunityCost
    }

    /// Refines `start`, the solution of `problem`.
    /// - Parameter simulate: the outcome of each allocation (mean yearly £ per line, in the
    ///   problem's line order) against today's, all simulated together with common random numbers.
    /// - Throws: ``AllocationError`` from a round's LP, or the closure's errors.
    public func run(
        problem: AllocationProblem, start: AllocationResult,
        simulate: ([[Double]]) async throws -> [Outcome]
    ) async throws -> Refined {
        let curves = problem.curves
        var x = start.lines.map(\.optimal)
        var best = start
        var simulatedX = try await simulate([x])[0]
        var history = [Round(round: 0, predictedTotal: start.totalNetGain, simulatedTotal: net(simulatedX).reduce(0, +),
                             accepted: true, radius: 0, allocation: x)]
        var radius = initialRadius
        // The first LP's agreement is not a reason to stop: its curves were simulated at today's
        // budgets, so a close total can hide errors by line that a round around x corrects.
        guard rounds > 0 else { return Refined(result: best, simulated: simulatedX, rounds: history) }
        for round in 1...rounds {
            let regions = problem.bounds.indices.map { l -> ClosedRange<Double> in
                let bound = problem.bounds[l], width = radius * (bound.upperBound - bound.lowerBound)
                return max(bound.lowerBound, x[l] - width)...min(bound.upperBound, x[l] + width)
            }
            let levels = regions.indices.map { self.levels(in: regions[$0], centre: x[$0]) }
            var allocations = [x]
            for l in levels.indices {
                for level in levels[l] where abs(level - x[l]) > BudgetLevels.samePounds {
                    var point = x
                    point[l] = level
                    allocations.append(point)
                }
            }
            let outcomes = try await simulate(allocations)
            let centre = outcomes[0]
            var next = 1
            let lines = curves.lines.indices.map { l -> LineCurve in
                var gains: [[Double]] = [], costs: [Double] = []
                for level in levels[l] {
                    if abs(level - x[l]) <= BudgetLevels.samePounds {
                        gains.append(Array(repeating: 0, count: curves.groups.count)); costs.append(0); continue
                    }
                    gains.append(zip(outcomes[next].qalyGain, centre.qalyGain).map { $0 - $1 })
                    costs.append(outcomes[next].costChange - centre.costChange)
                    next += 1
                }
                return LineCurve(name: curves.lines[l].name, current: x[l], profile: curves.lines[l].profile,
                                 levels: levels[l], qalyGain: gains, costChange: costs)
            }
            let around = ResponseCurves(groups: curves.groups, populations: curves.populations, baseQalys: curves.baseQalys,
                                        baseCost: curves.baseCost, draws: curves.draws, lines: lines)
            var local = try AllocationProblem(
                curves: around, objective: problem.objective, total: problem.total, atMost: problem.atMost, bounds: regions,
                noGroupWorseOff: problem.noGroupWorseOff, baselineHealth: problem.baselineHealth, opportunityCost: opportunityCost)
            local.gainOffset = net(centre)
            let solved = try local.solve()
            let candidate = solved.lines.map(\.optimal)
            // Within £1 on every line the LP chose x again (up to the solver's tolerance): x is
            // optimal on curves measured around itself, which ends the search.
            if zip(candidate, x).allSatisfy({ abs($0 - $1) < BudgetLevels.samePounds }) {
                history.append(Round(round: round, predictedTotal: solved.totalNetGain, simulatedTotal: net(simulatedX).reduce(0, +),
                                     accepted: false, radius: radius, allocation: candidate))
                break
            }
            let simulatedCandidate = try await simulate([candidate])[0]
            let simulatedTotal = net(simulatedCandidate).reduce(0, +)
            let before = Self.score(net(simulatedX), problem)
            let after = Self.score(net(simulatedCandidate), problem)
            let predicted = Self.score(solved.groups.map(\.netGain), problem)
            let improves = after.meets != before.meets ? after.meets : after.value > before.value
            history.append(Round(round: round, predictedTotal: solved.totalNetGain, simulatedTotal: simulatedTotal,
                                 accepted: improves, radius: radius, allocation: candidate))
            if improves {
                // Simulated improvement well short of the predicted one: the linear model is poor
                // over this region (the lines interact across it), so the next region is smaller.
                if after.meets && before.meets && predicted.meets,
                   after.value - before.value < Self.poorAgreement * (predicted.value - before.value) { radius /= 2 }
                x = candidate
                simulatedX = simulatedCandidate
                best = Self.restore(solved, from: start, costAtCentre: centre.costChange)
                if agree(solved.totalNetGain, simulatedTotal) { break }
            } else {
                radius /= 2
            }
        }
        return Refined(result: best, simulated: simulatedX, rounds: history)
    }

    /// Net QALY gain by group: `ΔQ_g − ΔC · share_g / per_qaly` (just `ΔQ_g` without opportunity cost).
    func net(_ outcome: Outcome) -> [Double] {
        outcome.qalyGain.indices.map { g in
            outcome.qalyGain[g] - (opportunityCost.map { outcome.costChange / $0.perQaly * $0.shares[g] } ?? 0)
        }
    }

    /// The objective at net gains `gains` by group (simulated or predicted), so rounds can be
    /// compared: an allocation that meets the objective's constraint (gap-limit's gap) beats one
    /// that does not; otherwise the higher `value` wins. Total-health: Σ G_g; weighted: Σ w_g G_g;
    /// maximin: the worst-off group's final health; atkinson: the welfare change
    /// `Σ N_g (u(h_g) − u(b_g))`; gap-limit: Σ G_g when `h_last − h_first ≤ δ`, else minus the gap.
    static func score(_ gains: [Double], _ problem: AllocationProblem) -> (meets: Bool, value: Double) {
        let N = problem.curves.populations, b = problem.baselineHealth
        let health = gains.indices.map { b[$0] + gains[$0] / N[$0] }
        switch problem.objective {
        case .totalHealth:
            return (true, gains.reduce(0, +))
        case .weighted(let weights):
            return (true, zip(gains, weights).reduce(0) { $0 + $1.0 * $1.1 })
        case .maximin:
            return (true, health.min()!)
        case .atkinson(let epsilon):
            let u = AtkinsonTangents(epsilon: epsilon, range: 1...1, count: 1)
            return (true, health.indices.reduce(0) { $0 + N[$1] * (u.utility(health[$1]) - u.utility(b[$1])) })
        case .gapLimit(let delta):
            let gap = health[health.count - 1] - health[0]
            return gap <= delta + 1e-9 * max(1, abs(delta)) ? (true, gains.reduce(0, +)) : (false, -gap)
        }
    }

    /// Below this ratio of simulated to predicted improvement an accepted round still halves the
    /// trust region (the classic trust-region test; without it two interacting lines zig-zag).
    static let poorAgreement = 0.5

    /// Predicted and simulated totals within ``agreement`` of each other.
    func agree(_ predicted: Double, _ simulated: Double) -> Bool {
        abs(predicted - simulated) <= agreement * max(abs(simulated), 1e-9)
    }

    /// `2·levelsPerSide + 1` evenly spaced levels across `region`, plus the centre (levels within
    /// £1 of the one before dropped, so one level is always within £1 of the centre).
    func levels(in region: ClosedRange<Double>, centre: Double) -> [Double] {
        let n = 2 * levelsPerSide
        var points = (0...n).map { region.lowerBound + (region.upperBound - region.lowerBound) * Double($0) / Double(n) }
        points.append(centre)
        var result: [Double] = []
        for value in points.sorted() where result.last.map({ value - $0 > BudgetLevels.samePounds }) ?? true { result.append(value) }
        return result
    }

    /// A round's result re-expressed against today: each line's `current`, bounds and binding
    /// from the first LP (a round's bounds are its trust region), the cost change with the
    /// centre's simulated cost added.
    static func restore(_ solved: AllocationResult, from start: AllocationResult, costAtCentre: Double) -> AllocationResult {
        let lines = zip(solved.lines, start.lines).map { line, original -> AllocationResult.Line in
            let binding: String? = abs(line.optimal - original.upper) <= BudgetLevels.samePounds ? line.binding
                : abs(line.optimal - original.lower) <= BudgetLevels.samePounds ? line.binding : nil
            return AllocationResult.Line(line: line.line, current: original.current, optimal: line.optimal,
                                         lower: original.lower, upper: original.upper, binding: binding,
                                         boundPricePerMillion: binding == nil ? nil : line.boundPricePerMillion)
        }
        return AllocationResult(
            objective: solved.objective, objectiveUnits: solved.objectiveUnits, objectiveValue: solved.objectiveValue,
            lines: lines, groups: solved.groups, totalNetGain: solved.totalNetGain, costChange: solved.costChange + costAtCentre,
            totalPricePerMillion: solved.totalPricePerMillion, constraintPrices: solved.constraintPrices,
            gapPrice: solved.gapPrice, approximationGap: solved.approximationGap,
            outOfOrderLines: solved.outOfOrderLines, iterations: solved.iterations)
    }
}
