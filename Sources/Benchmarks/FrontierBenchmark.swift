import Foundation
import LinearProgramming
import ScenarioModel

/// Issue 6's benchmark: a frontier of equally spaced gap limits, from the gap of the unconstrained
/// optimum down to the smallest feasible gap, solved with one ``LinearProgramSolver`` (each point
/// warm-started from the last), each point's program written to MPS for HiGHS to solve the same
/// files afterwards (``HiGHSTiming``).
public struct FrontierBenchmark: Sendable {
    public struct Point: Sendable {
        public let gapLimit: Double
        public let objective: Double
        public let seconds: Double
        public let iterations: Int
        public let file: String
    }

    public let variables: Int
    public let constraints: Int
    public let terms: Int
    /// Gap change (QALYs per 100,000 people, against the baseline gap) of the unconstrained optimum and the smallest feasible.
    public let unconstrainedGap: Double
    public let smallestGap: Double
    /// Seconds to simulate the response curves and to build the program (not in the per-point times).
    public let curveSeconds: Double
    public let buildSeconds: Double
    /// The first point includes loading the program into Clp and a cold solve.
    public let points: [Point]

    /// Simulates the response curves and builds the program, finds the two ends of the frontier
    /// (untimed), then times `pointCount` solves through one solver, writing `point_NNN.mps` into
    /// `directory` after each (untimed).
    public static func measure(scenario: Scenario, pointCount: Int, levels: Int, threads: Int,
                        directory: String) async throws -> FrontierBenchmark {
        let curveStart = ContinuousClock.now
        let curves = try await FrontierBenchmarkProgram.responseCurves(scenario: scenario, levels: levels, threads: threads)
        let curveSeconds = seconds(since: curveStart)
        let buildStart = ContinuousClock.now
        let lp = FrontierBenchmarkProgram(curves: curves, healthDiscount: scenario.discount.health)
        let buildSeconds = seconds(since: buildStart)

        let unconstrained = try lp.program.solve()
        let unconstrainedGap = lp.gapExpression.evaluate { unconstrained[$0] }
        var narrowest = lp.program
        narrowest.direction = .minimise
        narrowest.setObjective(lp.gapExpression)
        let smallestGap = try narrowest.solve().objective

        let solver = LinearProgramSolver(lp.program)
        var points: [Point] = []
        for index in 0..<pointCount {
            try Task.checkCancellation()
            let fraction = pointCount > 1 ? Double(index) / Double(pointCount - 1) : 0
            let limit = unconstrainedGap + (smallestGap - unconstrainedGap) * fraction
            solver.setRightHandSide(lp.gapLimit, limit)
            let start = ContinuousClock.now
            let solution = try solver.solve()
            let elapsed = seconds(since: start)
            let file = (directory as NSString).appendingPathComponent(String(format: "point_%03d.mps", index))
            try solver.writeMPS(to: file)
            points.append(Point(gapLimit: limit, objective: solution.objective, seconds: elapsed,
                                iterations: solution.iterations, file: file))
        }
        return FrontierBenchmark(variables: lp.program.variableCount, constraints: lp.program.constraintCount,
                                 terms: lp.program.termCount, unconstrainedGap: unconstrainedGap,
                                 smallestGap: smallestGap, curveSeconds: curveSeconds, buildSeconds: buildSeconds,
                                 points: points)
    }

    public var meanSeconds: Double { points.map(\.seconds).reduce(0, +) / Double(max(points.count, 1)) }
    public var warmPoints: ArraySlice<Point> { points.dropFirst() }
    public var meanWarmSeconds: Double { warmPoints.map(\.seconds).reduce(0, +) / Double(max(warmPoints.count, 1)) }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
