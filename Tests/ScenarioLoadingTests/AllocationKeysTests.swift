import Foundation
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The scenario-language additions for allocation: `options.NAME.budgets` and `optimise:`.
/// Line 1 of the appended text is line 22 of the file (ScenarioFixtures.minimal has 21 lines).
final class AllocationKeysTests: XCTestCase {
    func testBudgetsOptionIsRead() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal(appending: """
            options:
              more-vaccination:
                budgets: {vaccination: 30000, emergency_admission: [150000, 160000, 170000]}
            """))
        let option = scenario.options[0]
        XCTAssertEqual(option.budgets[.intervention(0)], [30000, 30000, 30000])
        XCTAssertEqual(option.budgets[.service(0)], [150000, 160000, 170000])
    }

    func testBudgetsProblemsAreReportedWithPositions() {
        let text = ScenarioFixtures.minimal(appending: """
            options:
              bad:
                budgets: {vacination: 30000, emergency_admission: [1, 2], }
              negative:
                budgets: {vaccination: -5}
            """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:24:15: options.bad.budgets.vacination: unknown service or intervention `vacination` (did you mean `vaccination`?); known: emergency_admission, vaccination",
            "test.yaml:24:55: options.bad.budgets.emergency_admission: expected one value or a list of 3 values (one per year of the horizon), found a list of 2",
            "test.yaml:26:28: options.negative.budgets.vaccination: expected a number in [0, ∞], found -5",
        ])
    }

    func testShiftsApplyAfterBudgets() {
        // vaccination's budget is 10000 today; the option sets it to 30000 and then moves 15000 out:
        // valid, although moving 15000 out of today's 10000 would not be.
        let text = ScenarioFixtures.minimal(appending: """
            options:
              fund-then-move:
                budgets: {vaccination: 30000}
                shift: [{from: vaccination, to: emergency_admission, amount: 15000}]
            """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text), [])
    }

    func testOptimiseSectionIsRead() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal(appending: """
            optimise:
              objective: gap-limit
              gap: 0.05
              weights: {Q1: 2}
              total: 250000
              add: -5000
              at_most: true
              no_group_worse_off: true
              lines:
                emergency_admission: {min: "90%", max_change: 20000}
                vaccination: {ring_fenced: true, max: 40000}
              levels: [1, 0, 2]
              curve_draws: 50
              refine: 3
            """))
        let settings = try XCTUnwrap(scenario.optimisation)
        XCTAssertEqual(settings.objective, .gapLimit)
        XCTAssertEqual(settings.gap, 0.05)
        XCTAssertEqual(settings.weights, [2, 1])
        XCTAssertEqual(settings.total, .amount(250000))
        XCTAssertEqual(settings.add, -5000)
        XCTAssertTrue(settings.atMost)
        XCTAssertTrue(settings.noGroupWorseOff)
        XCTAssertEqual(settings.lines[.service(0)], .init(min: .shareOfCurrent(0.9), maxChange: .pounds(20000)))
        XCTAssertEqual(settings.lines[.intervention(0)], .init(max: .pounds(40000), ringFenced: true))
        XCTAssertEqual(settings.levels, [0, 1, 2])
        XCTAssertEqual(settings.newLineLevels, Scenario.Optimisation.defaultNewLineLevels)
        XCTAssertEqual(settings.curveDraws, 50)
        XCTAssertEqual(settings.refine, 3)
    }

    func testOptimiseProblemsAreReportedWithPositions() {
        let text = ScenarioFixtures.minimal(appending: """
            optimise:
              objective: maxmin
              total: all
              no_group_worse_of: true
              lines:
                emergency_admision: {min: 0}
                vaccination: {ring_fenced: yes please, max: "half"}
            """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:23:14: optimise.objective: expected one of total-health, weighted, maximin, atkinson, gap-limit, found `maxmin` (did you mean `maximin`?)",
            "test.yaml:24:10: optimise.total: expected `keep` (today's total) or an amount in £, found `all`",
            "test.yaml:25:3: optimise.no_group_worse_of: unknown key `no_group_worse_of` (did you mean `no_group_worse_off`?); expected one of: objective, weights, epsilon, gap, total, add, at_most, lines, no_group_worse_off, levels, new_line_levels, curve_draws, refine",
            "test.yaml:27:5: optimise.lines.emergency_admision: unknown service or intervention `emergency_admision` (did you mean `emergency_admission`?); known: emergency_admission, vaccination",
            "test.yaml:28:32: optimise.lines.vaccination.ring_fenced: expected true or false, found `yes please`",
            "test.yaml:28:49: optimise.lines.vaccination.max: expected an amount in £ or a share of today's budget such as \"50%\", found `half`",
        ])
    }
}
