import MonteCarlo
import RunAnalysis
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The timeline on the hand-worked one-cohort scenario (RunSummaryTests): base Q = 890 then
/// 890.03 with cost £15,600 a year; the option Q = 892 then 892.1 with cost £14,100 a year; no
/// discounting, one draw, threshold £20,000.
final class TimelineTests: XCTestCase {
    func testCumulativeFiguresYearByYear() async throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.handWorkedShift.replacingOccurrences(of: "horizon: 2\n", with: "horizon: 2\nstart_year: 2026\n"))
        let timeline = try Timeline(scenario: scenario, table: try await EngineRuns.deterministic(scenario))
        XCTAssertEqual(timeline.years, ["2026/27", "2027/28"])
        XCTAssertEqual(timeline.headline, .gross)
        let option = try XCTUnwrap(timeline.options.first)
        XCTAssertEqual(option.option, "upstream")
        // ΔQ: 2, then 2 + 2.07; ΔC: −1,500, then −3,000; NMB = ΔQ·20,000 − ΔC.
        XCTAssertEqual(option.health.map(\.mean), [2, 4.07], accuracy: 1e-9)
        XCTAssertEqual(option.cost.map(\.mean), [-1_500, -3_000], accuracy: 1e-9)
        XCTAssertEqual(option.netBenefit.map(\.mean), [41_500, 84_400], accuracy: 1e-6)
        // One draw: each interval is the point itself.
        XCTAssertEqual(option.health[1].low, option.health[1].high)
        XCTAssertEqual(option.paybackYear, 0)
    }

    /// With `equity.opportunity_cost` at £15,000 per QALY the health is net: saving £3,000 by
    /// the end of year 2 frees 3,000 / 15,000 = 0.2 QALYs, so 4.07 + 0.2 = 4.27.
    func testHealthIsNetOfOpportunityCostWhenTheScenarioHasOne() async throws {
        let text = ScenarioFixtures.handWorkedShift.replacingOccurrences(
            of: "equity: {baseline_health: {Q1: 70}}", with: "equity: {baseline_health: {Q1: 70}, opportunity_cost: {per_qaly: 15000, shares: {Q1: 1}}}")
        let scenario = try ScenarioFixtures.load(text)
        let timeline = try Timeline(scenario: scenario, table: try await EngineRuns.deterministic(scenario))
        XCTAssertEqual(timeline.headline, .netOfOpportunityCost)
        XCTAssertEqual(timeline.opportunityCostPerQALY, 15_000)
        let option = try XCTUnwrap(timeline.options.first)
        XCTAssertEqual(option.health.map(\.mean), [2.1, 4.27], accuracy: 1e-9)
        // The net monetary benefit stays on gross QALYs, as in the board table.
        XCTAssertEqual(option.netBenefit.map(\.mean), [41_500, 84_400], accuracy: 1e-6)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
