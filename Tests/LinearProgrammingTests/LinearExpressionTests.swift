import LinearProgramming
import XCTest

/// Expressions keep every term; repeated variables are summed and constants moved to the
/// right-hand side when the program is solved.
final class LinearExpressionTests: XCTestCase {
    func testOperatorsBuildTheExpectedTerms() {
        let x = Variable(index: 0), y = Variable(index: 1)
        let expression = 2 * x + y * 3 - x + 4 - (-y) + 0.5 * (x - y + 1)
        let value = expression.evaluate { $0 == x ? 10 : 100 }
        // 2·10 + 3·100 − 10 + 4 + 100 + 0.5·(10 − 100 + 1) = 369.5
        XCTAssertEqual(value, 369.5, accuracy: 1e-12)
        XCTAssertEqual(expression.constant, 4.5)
        XCTAssertEqual(LinearExpression.sum([(x, 2.0), (y, 3.0)]).evaluate { $0 == x ? 1 : 2 }, 8)
        XCTAssertEqual(LinearExpression.sum([x, y, x]).terms.count, 3)
    }

    /// `x + x + 2` in a row and the objective: the row is 2x ≤ 10 − 2 (x ≤ 4) and the objective
    /// 3x + x + 5 = 21 at the optimum; the activity includes the row's constant.
    func testRepeatedTermsAndConstantsAreHonoured() throws {
        var program = LinearProgram(direction: .maximise)
        let x = program.addVariable("x")
        let row = program.addConstraint("row", x + x + 2, .lessOrEqual, 10)
        program.setObjective(3 * x + x + 5)
        let solution = try program.solve()
        XCTAssertEqual(solution[x], 4, accuracy: 1e-12)
        XCTAssertEqual(solution.objective, 21, accuracy: 1e-12)
        XCTAssertEqual(solution.activity(row), 10, accuracy: 1e-12)
        XCTAssertEqual(solution.shadowPrice(row), 2, accuracy: 1e-12, "4 per unit of x, x moves by 1/2")
        XCTAssertEqual(program.objectiveOffset, 5)
    }

    /// A row built from 20,000 terms with `+=` loads and solves (the build is linear; a
    /// quadratic build would take minutes, not a fraction of a second).
    func testLongSumsBuildInPlace() throws {
        var program = LinearProgram(direction: .maximise)
        var total = LinearExpression()
        for index in 0..<20_000 {
            total += program.addVariable("x\(index)", upper: 1, objective: Double(index % 7))
        }
        program.addConstraint("budget", total, .lessOrEqual, 10)
        XCTAssertEqual(program.termCount, 20_000)
        XCTAssertEqual(try program.solve().objective, 60, accuracy: 1e-9, "ten variables with profit 6")
    }
}
