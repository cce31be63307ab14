import Allocation
import LinearProgramming
import ScenarioLoading
import Benchmarks
import WorkbenchTestSupport
import XCTest

/// The frontier benchmark's split of response curves by group and year, on a curve worked by
/// hand: one line ("clinic", £1m a year today, profile 0.8 then 1.2), two groups A and B of 1m
/// and 3m people (shares ¼ and ¾), levels £0, £1m, £2m with gains A: −10, 0, 6 and B: −30, 0, 10
/// QALYs, health discount 50% (year weights 1 and ⅔).
final class FrontierBenchmarkProgramTests: XCTestCase {
    private let curves = ResponseCurves(
        groups: ["A", "B"], populations: [1e6, 3e6], baseQalys: [0, 0], baseCost: 0, draws: 1,
        lines: [LineCurve(name: "clinic", current: 1e6, profile: [0.8, 1.2], levels: [0, 1e6, 2e6],
                          qalyGain: [[-10, -30], [0, 0], [6, 10]], costChange: [0, 0, 0])])

    /// Every segment of every group and year full is the line at £2m: the gains over £0 are
    /// (6 + 10) − (−10 − 30) = 56 QALYs, and the year spends are 2 × 0.8 and 2 × 1.2 £m.
    func testFundingEveryGroupAndYearReproducesTheCurve() {
        let lp = FrontierBenchmarkProgram(curves: curves, healthDiscount: 0.5)
        let program = lp.program
        XCTAssertEqual(program.variableCount, 2 * 2 * 2, "groups × years × segments")
        let full = (0..<program.variableCount).map { Variable(index: $0) }
        let objective = full.reduce(0) { $0 + program.objectiveCoefficient(of: $1) * program.bounds(of: $1).upper }
        XCTAssertEqual(objective, 56, accuracy: 1e-9)
        let spend = full.reduce(0) { $0 + program.bounds(of: $1).upper }
        XCTAssertEqual(spend, 2 * 0.8 + 2 * 1.2, accuracy: 1e-12)
        // Gap per 100,000 people, B (least deprived, last) minus A: 40/3m·1e5 − 16/1m·1e5.
        let gap = lp.gapExpression.evaluate { program.bounds(of: $0).upper }
        XCTAssertEqual(gap, 40.0 / 3e6 * 1e5 - 16.0 / 1e6 * 1e5, accuracy: 1e-9)
    }

    /// With each year's budget at today's (0.8 and 1.2 £m), the best is the first segment of
    /// both groups (A: 10/¼ = 40 and B: 30/¾ = 40 QALYs per £m of the year weight, against 24 and
    /// 13⅓ for the second segments): today's allocation, 40 QALYs over the line at £0.
    func testOptimumAtTodaysBudgetIsTodaysAllocation() throws {
        let lp = FrontierBenchmarkProgram(curves: curves, healthDiscount: 0.5)
        let solution = try lp.program.solve()
        XCTAssertEqual(solution.objective, 40, accuracy: 1e-9)
        XCTAssertEqual(lp.gapExpression.evaluate { solution[$0] }, 0, accuracy: 1e-9, "A: 10/1m, B: 30/3m per person")
    }
}

/// The benchmark's curves and program on a real (small) scenario: every line simulated from £0 to
/// three times today's budget, and a program whose frontier ends are both feasible.
final class FrontierBenchmarkOnScenarioTests: XCTestCase {
    func testCurvesSpanZeroToThreeTimesTodayAndTheProgramSolves() async throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml").path)
        let curves = try await FrontierBenchmarkProgram.responseCurves(scenario: scenario, levels: 4, threads: 1)
        XCTAssertEqual(curves.lines.count, scenario.budgetLines.count)
        for line in curves.lines {
            XCTAssertEqual(line.levels.first, 0, line.name)
            let top = line.current > 0 ? 3 * line.current : 1_000_000
            XCTAssertEqual(try XCTUnwrap(line.levels.last), top, accuracy: 1e-6, line.name)
            XCTAssertGreaterThanOrEqual(line.levels.count, 5, "0, ¾, 1½, 2¼, 3 × today's (and today's): \(line.name)")
        }
        let lp = FrontierBenchmarkProgram(curves: curves, healthDiscount: scenario.discount.health)
        let unconstrained = try lp.program.solve()
        var narrowest = lp.program
        narrowest.direction = .minimise
        narrowest.setObjective(lp.gapExpression)
        let smallestGap = try narrowest.solve().objective
        XCTAssertLessThanOrEqual(smallestGap, lp.gapExpression.evaluate { unconstrained[$0] } + 1e-9)
    }
}
