import LinearProgramming
import XCTest

/// A solver kept alive between solves must give the answer a fresh solve gives, in no more
/// simplex iterations (the point of keeping the basis). Iterations, not time, are compared.
final class WarmStartTests: XCTestCase {
    func testRightHandSideChangeMatchesAFreshSolveInFewerIterations() throws {
        let problem = Transportation()
        let solver = LinearProgramSolver(problem.program)
        let first = try solver.solve()
        XCTAssertGreaterThan(first.iterations, 10, "the problem must be big enough to show a warm start")
        for (step, supply) in problem.supplies.prefix(4).enumerated() {
            let rhs = problem.program.rightHandSide(of: supply) - Double(5 + 3 * step)
            solver.setRightHandSide(supply, rhs)
            let warm = try solver.solve()
            let fresh = try solver.program.solve()
            XCTAssertEqual(warm.objective, fresh.objective, accuracy: 1e-9 * abs(fresh.objective))
            XCTAssertLessThanOrEqual(warm.iterations, fresh.iterations, "step \(step)")
            XCTAssertLessThan(warm.iterations, first.iterations, "step \(step)")
            for demand in problem.demands {
                XCTAssertGreaterThanOrEqual(warm.activity(demand), solver.program.rightHandSide(of: demand) - 1e-7)
            }
        }
    }

    func testObjectiveChangeMatchesAFreshSolve() throws {
        let problem = Transportation()
        let solver = LinearProgramSolver(problem.program)
        _ = try solver.solve()
        var objective = LinearExpression()
        for column in 0..<problem.program.variableCount {
            let route = Variable(index: column)
            objective.add(route, problem.program.objectiveCoefficient(of: route) + Double(column % 5))
        }
        solver.setObjective(objective)
        let warm = try solver.solve()
        let fresh = try solver.program.solve()
        XCTAssertEqual(warm.objective, fresh.objective, accuracy: 1e-9 * abs(fresh.objective))
        XCTAssertLessThanOrEqual(warm.iterations, fresh.iterations)
    }

    /// Bound changes go through the same warm path: Wyndor with doors capped at 1 gives
    /// windows = 6, doors = 1, Z = 33 (plant 3 is no longer binding).
    func testBoundChangeResolves() throws {
        let wyndor = Wyndor()
        let solver = LinearProgramSolver(wyndor.program)
        XCTAssertEqual(try solver.solve().objective, 36, accuracy: 1e-9)
        solver.setBounds(wyndor.doors, lower: 0, upper: 1)
        let capped = try solver.solve()
        XCTAssertEqual(capped.objective, 33, accuracy: 1e-9)
        XCTAssertEqual(capped[wyndor.doors], 1, accuracy: 1e-9)
        XCTAssertEqual(capped.shadowPrice(wyndor.plant3), 0, accuracy: 1e-9)
        XCTAssertEqual(capped.reducedCost(wyndor.doors), 3, accuracy: 1e-9, "each extra door is worth its profit")
    }

    /// Switching the direction re-optimises from the kept basis: Wyndor minimised is 0 at the
    /// origin, maximised again 36.
    func testDirectionChangeResolves() throws {
        let wyndor = Wyndor()
        let solver = LinearProgramSolver(wyndor.program)
        XCTAssertEqual(try solver.solve().objective, 36, accuracy: 1e-9)
        solver.setDirection(.minimise)
        let minimum = try solver.solve()
        XCTAssertEqual(minimum.objective, 0, accuracy: 1e-9)
        XCTAssertEqual(minimum[wyndor.windows], 0, accuracy: 1e-9)
        solver.setDirection(.maximise)
        XCTAssertEqual(try solver.solve().objective, 36, accuracy: 1e-9)
    }

    /// The solver's iteration limit applies to its next solves only.
    func testSolverIterationLimit() throws {
        let problem = Transportation()
        let solver = LinearProgramSolver(problem.program)
        solver.iterationLimit = 1
        XCTAssertThrowsError(try solver.solve()) { error in
            guard case .iterationLimit = error as? LinearProgramError else { return XCTFail("\(error)") }
        }
        solver.iterationLimit = nil
        XCTAssertEqual(try solver.solve().objective, try problem.program.solve().objective, accuracy: 1e-9)
    }
}
