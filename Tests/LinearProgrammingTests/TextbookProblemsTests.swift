import LinearProgramming
import XCTest

/// Textbook linear programs whose optima and duals are printed in the books they come from or
/// worked by hand in `TestProblems.swift`.
final class TextbookProblemsTests: XCTestCase {
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

    func testRadiationTherapyMinimisationWithEqualityRow() throws {
        let problem = RadiationTherapy()
        let solution = try problem.program.solve()
        XCTAssertEqual(solution.objective, 5.25, accuracy: 1e-9)
        XCTAssertEqual(solution[problem.beam1], 7.5, accuracy: 1e-9)
        XCTAssertEqual(solution[problem.beam2], 4.5, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(problem.criticalTissues), -0.5, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(problem.tumour), 1.1, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(problem.centre), 0, accuracy: 1e-9)
        XCTAssertEqual(solution.activity(problem.centre), 6.3, accuracy: 1e-9)
    }

    func testDietMinimisationWithGreaterOrEqualRows() throws {
        let diet = Diet()
        let solution = try diet.program.solve()
        XCTAssertEqual(solution.objective, 2.8, accuracy: 1e-9)
        XCTAssertEqual(solution[diet.grain], 3, accuracy: 1e-9)
        XCTAssertEqual(solution[diet.meat], 1, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(diet.protein), 0, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(diet.energy), 0.08, accuracy: 1e-9)
        XCTAssertEqual(solution.shadowPrice(diet.iron), 0.1, accuracy: 1e-9)
        XCTAssertEqual(solution.activity(diet.protein), 34, accuracy: 1e-9)
    }

    /// Wyndor with a third product, `mirrors` (profit 1, using 3 hours of plant 3), that is not
    /// worth making: its reduced cost is 1 − 3·(plant 3's shadow price 1) = −2, i.e. forcing one
    /// mirror lowers the optimum from 36 to 34 (plant 3 then has 15 hours: doors = 1, windows = 6).
    func testReducedCostOfAVariableAtItsBound() throws {
        var program = LinearProgram(direction: .maximise)
        let doors = program.addVariable("doors", objective: 3)
        let windows = program.addVariable("windows", objective: 5)
        let mirrors = program.addVariable("mirrors", objective: 1)
        program.addConstraint("plant1", 1 * doors, .lessOrEqual, 4)
        program.addConstraint("plant2", 2 * windows, .lessOrEqual, 12)
        program.addConstraint("plant3", 3 * doors + 2 * windows + 3 * mirrors, .lessOrEqual, 18)

        let solution = try program.solve()
        XCTAssertEqual(solution.objective, 36, accuracy: 1e-9)
        XCTAssertEqual(solution[mirrors], 0, accuracy: 1e-9)
        XCTAssertEqual(solution.reducedCost(mirrors), -2, accuracy: 1e-9)
        XCTAssertEqual(solution.reducedCost(doors), 0, accuracy: 1e-9, "basic variable")

        program.setBounds(mirrors, lower: 1, upper: 1)
        let forced = try program.solve()
        XCTAssertEqual(forced.objective, 34, accuracy: 1e-9)
        XCTAssertEqual(forced[doors], 1, accuracy: 1e-9)
    }

    /// A minimisation's reduced cost has the same meaning: Diet with a third food, `cheese`
    /// (cost 1, energy 2, iron 3), whose reduced cost is 1 − (2·0.08 + 3·0.1) = 0.54.
    func testReducedCostInAMinimisation() throws {
        var program = LinearProgram(direction: .minimise)
        let grain = program.addVariable("grain", objective: 0.6)
        let meat = program.addVariable("meat", objective: 1.0)
        let cheese = program.addVariable("cheese", objective: 1)
        program.addConstraint("protein", 10 * grain + 4 * meat, .greaterOrEqual, 20)
        program.addConstraint("energy", 5 * grain + 5 * meat + 2 * cheese, .greaterOrEqual, 20)
        program.addConstraint("iron", 2 * grain + 6 * meat + 3 * cheese, .greaterOrEqual, 12)
        let solution = try program.solve()
        XCTAssertEqual(solution.objective, 2.8, accuracy: 1e-9)
        XCTAssertEqual(solution[cheese], 0, accuracy: 1e-9)
        XCTAssertEqual(solution.reducedCost(cheese), 0.54, accuracy: 1e-9)
    }

    /// Shadow prices are derivatives of the optimum: check each against a finite difference of
    /// two fresh solves, for both directions and all three relations.
    func testShadowPricesMatchFiniteDifferences() throws {
        let step = 1e-3
        let wyndor = Wyndor(), radiation = RadiationTherapy(), diet = Diet()
        let cases: [(LinearProgram, [Constraint])] = [
            (wyndor.program, [wyndor.plant1, wyndor.plant2, wyndor.plant3]),
            (radiation.program, [radiation.criticalTissues, radiation.tumour, radiation.centre]),
            (diet.program, [diet.protein, diet.energy, diet.iron]),
        ]
        for (program, constraints) in cases {
            let base = try program.solve()
            for constraint in constraints {
                var moved = program
                moved.setRightHandSide(constraint, program.rightHandSide(of: constraint) + step)
                let difference = (try moved.solve().objective - base.objective) / step
                XCTAssertEqual(base.shadowPrice(constraint), difference, accuracy: 1e-6,
                               "\(program.name(of: constraint))")
            }
        }
    }
}
