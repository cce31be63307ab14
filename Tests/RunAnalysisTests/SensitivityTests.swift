import MonteCarlo
import RunAnalysis
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// One-way sensitivity on the hand-worked scenario (ScenarioFixtures.handWorkedShift) with the
/// programme's direct health effect γ uncertain, uniform on [0.005, 0.015].
final class SensitivityTests: XCTestCase {
    /// γ enters health linearly, `G = γ·Z` (MODEL.md §3), and nothing else depends on it. Base
    /// funds 50 participants a year (£500 after the fixed cost at £10 each); the option funds
    /// everyone reachable, 0.2 × 1,000 = 200 in each of the two years (HandWorkedTests.testShiftOption).
    /// Undiscounted, so ΔZ = 2·(200 − 50) = 300 and the incremental NMB is linear in γ with slope
    /// 300·£20,000. The 2.5% and 97.5% quantiles of U(0.005, 0.015) are 0.00525 and 0.01475, so the
    /// swing is 300 × 0.0095 × 20,000 = £57,000.
    func testSwingOfALinearParameterIsTheHandWorkedValue() async throws {
        let text = ScenarioFixtures.handWorkedShift.replacingOccurrences(
            of: "qaly_per_participant: 0.01}", with: "qaly_per_participant: {dist: uniform, low: 0.005, high: 0.015}}")
        let scenario = try ScenarioFixtures.load(text)
        let probe = try MonteCarloRunner(scenario: scenario, settings: RunSettings(draws: 1, seed: 1, threads: 1, options: [0]))
        let design = SensitivitySummary.design(probe.sampler, low: 0.025, high: 0.975)
        XCTAssertEqual(design.rows.count, 3, "all means, then γ low and γ high")
        let settings = RunSettings.scripted(design.rows, seed: 1, threads: 2, options: [0, 1])
        let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
        let table = try await runner.run()
        let summary = try SensitivitySummary(scenario: scenario, table: table, sampler: runner.sampler, parameters: design.parameters,
                                             low: 0.025, high: 0.975, epsilon: 1, options: [1])
        let row = try XCTUnwrap(summary.rows.first { $0.outcome == "incremental_nmb" })
        XCTAssertEqual(row.parameter, "interventions.outreach.effects.qaly_per_participant")
        XCTAssertEqual(row.option, "upstream")
        XCTAssertEqual(row.lowValue, 0.00525, accuracy: 1e-15)
        XCTAssertEqual(row.highValue, 0.01475, accuracy: 1e-15)
        XCTAssertEqual(row.swing, 57_000, accuracy: 1e-6)
        XCTAssertEqual(row.atHigh - row.atLow, row.swing, accuracy: 1e-9, "more health per participant, more net benefit")
        // At the mean γ = 0.01 the outcome lies halfway, as it must for a linear parameter.
        let central = try XCTUnwrap(summary.central.first { $0.outcome == "incremental_nmb" })
        XCTAssertEqual(central.value, (row.atLow + row.atHigh) / 2, accuracy: 1e-6)
        XCTAssertTrue(summary.flips.isEmpty, "the option is dominant over the whole range")
        // One group: no gap to change.
        XCTAssertEqual(summary.rows.first { $0.outcome == "gap_change" }?.swing, 0)
    }
}
