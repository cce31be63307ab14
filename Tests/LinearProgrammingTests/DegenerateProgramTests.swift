import LinearProgramming
import XCTest

/// Degenerate shapes Clp must still accept: no rows, and no columns at all.
final class DegenerateProgramTests: XCTestCase {
    func testProgramWithoutConstraintsSitsAtItsBounds() throws {
        var program = LinearProgram(direction: .maximise)
        let x = program.addVariable("x", lower: -1, upper: 2, objective: 3)
        let y = program.addVariable("y", lower: -1, upper: 2, objective: -1)
        let solution = try program.solve()
        XCTAssertEqual(solution.objective, 7, accuracy: 1e-12, "3·2 − 1·(−1)")
        XCTAssertEqual(solution[x], 2)
        XCTAssertEqual(solution[y], -1)
        XCTAssertEqual(solution.reducedCost(x), 3, accuracy: 1e-12)
        XCTAssertEqual(solution.reducedCost(y), -1, accuracy: 1e-12)
    }

    func testEmptyProgramIsItsConstant() throws {
        var program = LinearProgram(direction: .minimise)
        program.setObjective(LinearExpression(constant: 4.5))
        XCTAssertEqual(try program.solve().objective, 4.5)
    }
}
