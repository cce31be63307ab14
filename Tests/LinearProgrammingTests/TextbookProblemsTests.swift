import LinearProgramming
import XCTest

/// Textbook linear programs whose optima and duals are printed in the books they come from, so
/// every number here can be checked by hand.
final class TextbookProblemsTests: XCTestCase {
    /// Hillier & Lieberman, *Introduction to Operations Research*, §3.1 (Wyndor Glass):
    /// maximise 3x + 5y subject to x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0.
    /// Optimum x = 2, y = 6, Z = 36; shadow prices 0, 1.5, 1 (§4.7).
    func testWyndorGlassOptimumAndShadowPrices() throws {
        let wyndor = Wyndor()
        let solution = try wyndor.program.solve()
        XCTAssertEqual(solution.objective, 36, accuracy: 1e-9)
        XCTAssertEqual(solution[wyndor.doors], 2, accuracy: 1e-9)
        XCTAssertEqual(solution[wyndor.windows], 6, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(wyndor.plant1), 0, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(wyndor.plant2), 1.5, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(wyndor.plant3), 1, accuracy: 1e-9)
        XCTAssertEqual(solution.activity(wyndor.plant1), 2, accuracy: 1e-9)
        XCTAssertEqual(solution.activity(wyndor.plant3), 18, accuracy: 1e-9)
    }
}

/// The Wyndor Glass problem, with handles to its variables and plants.
struct Wyndor {
    var program = LinearProgram(direction: .maximise)
    let doors: Variable, windows: Variable
    let plant1: Constraint, plant2: Constraint, plant3: Constraint

    init() {
        doors = program.addVariable("doors", objective: 3)
        windows = program.addVariable("windows", objective: 5)
        plant1 = program.addConstraint("plant1", 1 * doors, .lessOrEqual, 4)
        plant2 = program.addConstraint("plant2", 2 * windows, .lessOrEqual, 12)
        plant3 = program.addConstraint("plant3", 3 * doors + 2 * windows, .lessOrEqual, 18)
    }
}
