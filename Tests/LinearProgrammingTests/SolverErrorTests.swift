import LinearProgramming
import XCTest

/// Every non-optimal Clp status maps to its typed error, and malformed programs are refused
/// before Clp sees them, with the offending name in the message.
final class SolverErrorTests: XCTestCase {
    /// x + y ≤ 1 and x + y ≥ 3 cannot both hold; the third row is unrelated and must not be named.
    func testInfeasibleProgramNamesTheConflictingConstraints() {
        var program = LinearProgram(direction: .minimise)
        let x = program.addVariable("x", objective: 1)
        let y = program.addVariable("y", objective: 1)
        program.addConstraint("capacity", x + y, .lessOrEqual, 1)
        program.addConstraint("demand", x + y, .greaterOrEqual, 3)
        program.addConstraint("unrelated", 1 * y, .lessOrEqual, 5)
        XCTAssertThrowsError(try program.solve()) { error in
            XCTAssertEqual(error as? LinearProgramError, .infeasible(conflicting: ["capacity", "demand"]))
        }
    }

    /// The same conflict found by a warm-started dual simplex after a right-hand side change.
    func testInfeasibilityAfterAWarmStartIsReported() throws {
        var program = LinearProgram(direction: .maximise)
        let x = program.addVariable("x", objective: 1)
        let y = program.addVariable("y", objective: 2)
        let capacity = program.addConstraint("capacity", x + y, .lessOrEqual, 10)
        program.addConstraint("floor", x + 2 * y, .greaterOrEqual, 4)
        let solver = LinearProgramSolver(program)
        XCTAssertEqual(try solver.solve().objective, 20, accuracy: 1e-9)
        solver.setRightHandSide(capacity, 1)
        XCTAssertThrowsError(try solver.solve()) { error in
            XCTAssertEqual(error as? LinearProgramError, .infeasible(conflicting: ["capacity", "floor"]))
        }
        solver.setRightHandSide(capacity, 3)
        XCTAssertEqual(try solver.solve().objective, 6, accuracy: 1e-9, "recovers after the infeasible point")
    }

    /// maximise x + y with only x − y ≤ 1: y (and x with it) grows without limit.
    func testUnboundedProgramNamesTheRayVariables() {
        var program = LinearProgram(direction: .maximise)
        let x = program.addVariable("x", objective: 1)
        let y = program.addVariable("y", objective: 1)
        program.addConstraint("spread", x - y, .lessOrEqual, 1)
        XCTAssertThrowsError(try program.solve()) { error in
            guard case .unbounded(let direction) = error as? LinearProgramError else {
                return XCTFail("expected .unbounded, got \(error)")
            }
            XCTAssertTrue(direction.contains("y"), "\(direction)")
            XCTAssertTrue(Set(direction).isSubset(of: ["x", "y"]), "\(direction)")
        }
    }

    /// The transportation problem needs tens of iterations; one is not enough.
    func testIterationLimitStopsTheSolve() throws {
        var problem = Transportation()
        let unlimited = try problem.program.solve()
        XCTAssertGreaterThan(unlimited.iterations, 2)
        problem.program.iterationLimit = 1
        XCTAssertThrowsError(try problem.program.solve()) { error in
            guard case .iterationLimit(let iterations) = error as? LinearProgramError else {
                return XCTFail("expected .iterationLimit, got \(error)")
            }
            XCTAssertLessThanOrEqual(iterations, 1)
        }
    }

    func testNaNObjectiveCoefficientNamesTheVariable() {
        var program = LinearProgram(direction: .minimise)
        program.addVariable("good", objective: 1)
        program.addVariable("budget_gp", objective: .nan)
        assertInvalid(program, mentions: ["budget_gp", "objective coefficient"])
    }

    func testLowerBoundAboveUpperNamesTheVariable() {
        var program = LinearProgram(direction: .minimise)
        let x = program.addVariable("ring_fenced_mh", lower: 0, upper: 10)
        program.setBounds(x, lower: 12, upper: 10)
        assertInvalid(program, mentions: ["ring_fenced_mh", "12", "10"])
    }

    func testNaNBoundNamesTheVariable() {
        var program = LinearProgram(direction: .minimise)
        program.addVariable("x", lower: .nan, upper: 1)
        assertInvalid(program, mentions: ["'x'", "NaN"])
    }

    func testNaNCoefficientNamesConstraintAndVariable() {
        var program = LinearProgram(direction: .minimise)
        let x = program.addVariable("x")
        let y = program.addVariable("y")
        program.addConstraint("gap_limit", x + .nan * y, .lessOrEqual, 1)
        assertInvalid(program, mentions: ["gap_limit", "'y'", "nan"])
    }

    func testNaNRightHandSideNamesTheConstraint() {
        var program = LinearProgram(direction: .minimise)
        let x = program.addVariable("x")
        program.addConstraint("total_budget", 1 * x, .equal, .nan)
        assertInvalid(program, mentions: ["total_budget"])
    }

    func testVariableFromAnotherProgramIsRefused() {
        var other = LinearProgram(direction: .minimise)
        _ = other.addVariable("a")
        let stranger = other.addVariable("b")
        var program = LinearProgram(direction: .minimise)
        program.addVariable("only")
        program.addConstraint("row", 1 * stranger, .lessOrEqual, 1)
        assertInvalid(program, mentions: ["'row'", "#1"])
    }

    func testInvalidProgramIsRefusedByTheSolverToo() {
        var program = LinearProgram(direction: .minimise)
        let x = program.addVariable("x", upper: 5)
        program.addConstraint("row", 1 * x, .lessOrEqual, 3)
        let solver = LinearProgramSolver(program)
        solver.setBounds(x, lower: 6, upper: 5)
        XCTAssertThrowsError(try solver.solve()) { error in
            guard case .invalidProblem(let message) = error as? LinearProgramError else {
                return XCTFail("expected .invalidProblem, got \(error)")
            }
            XCTAssertTrue(message.contains("'x'"), message)
        }
        XCTAssertEqual(solver.program.bounds(of: x).lower, 6, "the solver's program holds the change")
    }

    func testErrorDescriptionsSayWhatToDo() {
        XCTAssertEqual(LinearProgramError.infeasible(conflicting: ["a", "b"]).description,
                       "the linear program is infeasible: these constraints cannot all hold together: a, b")
        XCTAssertTrue(LinearProgramError.iterationLimit(iterations: 7).description.contains("raise the iteration limit"))
        XCTAssertTrue(LinearProgramError.unbounded(direction: []).description.contains("a bound is missing"))
    }

    private func assertInvalid(_ program: LinearProgram, mentions fragments: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try program.solve(), file: file, line: line) { error in
            guard case .invalidProblem(let message) = error as? LinearProgramError else {
                return XCTFail("expected .invalidProblem, got \(error)", file: file, line: line)
            }
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "\(message) should mention \(fragment)", file: file, line: line)
            }
        }
    }
}
