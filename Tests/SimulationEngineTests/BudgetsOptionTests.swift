import MonteCarlo
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// `options.NAME.budgets` gives a line its budget before the option's shifts apply
/// (docs/MODEL-NOTES.md, "Allocation"): the same results as writing those budgets with `set`.
final class BudgetsOptionTests: XCTestCase {
    func testBudgetsEqualSetBudgetsAndShiftsApplyAfterThem() async throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal(appending: """
            options:
              by-set:
                set: {"interventions.vaccination.budget": 30000}
              by-budgets:
                budgets: {vaccination: 30000}
              set-then-nothing:
                set: {"interventions.vaccination.budget": 15000, "services.emergency_admission.budget": 215000}
              budgets-then-shift:
                budgets: {vaccination: 30000}
                shift: [{from: vaccination, to: emergency_admission, amount: 15000}]
            """))
        let table = try await EngineRuns.deterministic(scenario)
        func row(_ o: Int) -> [Double] {
            [table.qalys[o], table.cost[o], table.deaths[o]] + (0..<table.groupCount).map { table.groupQalys[o * table.groupCount + $0] }
        }
        XCTAssertNotEqual(row(0), row(1), "the option changes something")
        XCTAssertEqual(row(1), row(2))
        XCTAssertEqual(row(3), row(4))
    }
}
