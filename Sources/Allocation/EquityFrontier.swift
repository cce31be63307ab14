import EquityAnalysis
import LinearProgramming

/// The equity–efficiency frontier (MODEL.md §5): the most total net health attainable for each
/// limit δ on the gap `h_last − h_first`, from the unconstrained optimum's gap down to the
/// smallest gap any feasible allocation reaches.
///
/// One Clp model is kept across the sweep (``LinearProgramSolver``): finding the smallest gap
/// changes only the objective, and each point only the gap row's right-hand side, so every solve
/// after the first warm-starts from the previous basis.
public struct EquityFrontier: Sendable, Codable {
    public struct Point: Sendable, Codable {
        /// δ, the gap limit of this point.
        public let gapLimit: Double
        /// The gap the solution actually has (≤ δ).
        public let gap: Double
        /// Total net health gain Σ G_g (QALYs).
        public let totalHealth: Double
        /// Atkinson index at ε = 1 of the final health distribution.
        public let atkinson: Double
        /// Final health `h_g` of each group (the gap's units: years of quality-adjusted life
        /// expectancy with `baseline_health`), in group order: who gains and who loses.
        public let groupHealth: [Double]
        /// QALYs of total net health forgone per unit of gap closed at this point (gap row's dual).
        public let shadowPrice: Double
        /// Optimal mean yearly budget of each line (£), in ``EquityFrontier/lines`` order.
        public let allocation: [Double]
        /// The shadow price more than doubled since the previous point: equity gets steeply dearer.
        public let steep: Bool
        public let iterations: Int

        public init(gapLimit: Double, gap: Double, totalHealth: Double, atkinson: Double, groupHealth: [Double],
                    shadowPrice: Double, allocation: [Double], steep: Bool, iterations: Int) {
            self.gapLimit = gapLimit
            self.gap = gap
            self.totalHealth = totalHealth
            self.atkinson = atkinson
            self.groupHealth = groupHealth
            self.shadowPrice = shadowPrice
            self.allocation = allocation
            self.steep = steep
            self.iterations = iterations
        }
    }

    public let lines: [String]
    /// Gap of the unconstrained (total-health) optimum.
    public let unconstrainedGap: Double
    /// Smallest gap any allocation within the constraints reaches.
    public let smallestGap: Double
    public let points: [Point]

    /// A frontier already swept (read back from a file, or built by hand in a test).
    public init(lines: [String], unconstrainedGap: Double, smallestGap: Double, points: [Point]) {
        self.lines = lines
        self.unconstrainedGap = unconstrainedGap
        self.smallestGap = smallestGap
        self.points = points
    }

    /// Sweeps `points` gap limits evenly from the unconstrained gap to the smallest (one point
    /// when they coincide).
    /// - Parameter problem: any objective; it is replaced by total health under a gap limit.
    /// - Throws: ``AllocationError`` when the LP fails.
    public init(problem: AllocationProblem, points count: Int) throws(AllocationError) {
        let G = problem.curves.groups.count
        let open = try problem.with(objective: .totalHealth).solve()
        let gap0 = open.groups[G - 1].health - open.groups[0].health
        let constrained = try problem.with(objective: .gapLimit(gap0 + 1e-9 * max(1, abs(gap0))))
        let built = AllocationProgram(constrained)
        let solver = LinearProgramSolver(built.program)
        guard let gapRow = built.gapConstraint else {
            throw .invalidSetting("the gap-limit program has no gap row (an internal error in AllocationProgram)")
        }
        let constant = built.gapExpression.constant
        do {
            solver.setObjective(-(built.gapExpression - constant))
            let narrowest = try solver.solve()
            let smallest = -narrowest.objective + constant
            solver.setObjective(built.totalHealth)
            var result: [Point] = []
            // When the total-health optimum already has the smallest reachable gap there is no
            // trade-off to sweep: the frontier is that one point.
            let degenerate = gap0 - smallest <= 1e-9 * max(1, abs(gap0))
            let steps = degenerate ? 1 : max(count, 2)
            for i in 0..<steps {
                let fraction = steps > 1 ? Double(i) / Double(steps - 1) : 0
                var delta = gap0 + (smallest - gap0) * fraction
                if i == steps - 1 { delta = smallest + 1e-9 * max(1, abs(smallest)) }
                solver.setRightHandSide(gapRow, delta - constant)
                let solution = try solver.solve()
                let read = constrained.result(built, solution)
                let health = read.groups.map(\.health)
                let distribution = try? HealthDistribution(groups: problem.curves.groups, populations: problem.curves.populations, health: health)
                let atkinson = (try? distribution?.atkinsonIndex(epsilon: 1)) ?? .nan
                let price = solution.shadowPrice(gapRow)
                let previous = result.last?.shadowPrice ?? 0
                result.append(Point(
                    gapLimit: delta, gap: health[G - 1] - health[0], totalHealth: read.totalNetGain,
                    atkinson: atkinson, groupHealth: health, shadowPrice: price, allocation: read.lines.map(\.optimal),
                    steep: previous > 1e-9 && price > 2 * previous, iterations: solution.iterations))
            }
            lines = problem.curves.lines.map(\.name)
            unconstrainedGap = gap0
            smallestGap = smallest
            points = result
        } catch {
            throw AllocationProblem.map(error)
        }
    }
}

extension AllocationProblem {
    /// The same problem with another objective.
    public func with(objective: AllocationObjective) throws(AllocationError) -> AllocationProblem {
        try AllocationProblem(copying: self, objective: objective)
    }
}
