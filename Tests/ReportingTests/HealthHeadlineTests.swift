import MonteCarlo
@testable import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Every report takes "net or gross" from the run's one decision, ``RunSummary/healthHeadline``,
/// including the case that used to contradict itself: a scenario that charges opportunity cost
/// whose only option costs nothing extra (its net and gross gains are equal, so the board table,
/// guessing from the numbers, said "QALYs gained" while the report's charts said "net").
final class HealthHeadlineTests: XCTestCase {
    func testOptionCostingNothingExtraIsStillNet() async throws {
        let loaded = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml").path)
        XCTAssertNotNil(loaded.equity.opportunityCost, "pphmi-fund charges opportunity cost")
        let same = ScenarioOption(name: "same", description: "Today's allocation again", shifts: [], overrides: [])
        let scenario = loaded.replacingOptions([same])
        let table = try await EngineRuns.deterministic(scenario)
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0, 1])
        let summary = try RunSummary(scenario: scenario, table: table, settings: settings)
        let increment = try XCTUnwrap(summary.options[1].incremental)
        XCTAssertEqual(increment.cost.mean, 0, "the option is base again")
        XCTAssertEqual(increment.netHealth.mean, increment.qalys.mean, "no extra cost, nothing displaced")

        XCTAssertEqual(summary.healthHeadline, .netOfOpportunityCost)
        XCTAssertTrue(BoardComparison(summary).netOfOpportunityCost)
        let markdown = BoardComparison(summary).markdown
        XCTAssertTrue(markdown.contains("QALYs gained, net of opportunity cost"))
        XCTAssertTrue(markdown.contains("QALYs gained, gross"), "gross stands beside net")
        XCTAssertTrue(markdown.contains("Decision threshold: £20,000 per QALY"))
        XCTAssertTrue(markdown.contains("Opportunity-cost rate: £13,000 of extra spending displaces one QALY"))
        XCTAssertTrue(BoardTable.text(summary).contains("Opportunity-cost rate: £13,000"))
        XCTAssertFalse(summary.healthHeadline.subtractsDisplacedHealth(increment), "its cost displaces nothing")
        XCTAssertFalse(OptionSentence.text(summary.options[1], in: summary).contains("net of"))
        XCTAssertTrue(RunCharts.groupGains(summary).caption.contains("net of the health displaced"))
    }

    func testScenarioWithoutOpportunityCostIsGross() async throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.handWorkedShift)
        XCTAssertNil(scenario.equity.opportunityCost)
        let table = try await EngineRuns.deterministic(scenario)
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0, 1])
        let summary = try RunSummary(scenario: scenario, table: table, settings: settings)
        XCTAssertEqual(summary.healthHeadline, .gross)
        XCTAssertFalse(BoardComparison(summary).netOfOpportunityCost)
        XCTAssertFalse(BoardComparison(summary).markdown.contains("gross |"), "no gross column when every figure is gross")
        XCTAssertTrue(BoardComparison(summary).markdown.contains("No opportunity-cost rate is set, so QALYs are gross."))
        XCTAssertFalse(OptionSentence.text(summary.options[1], in: summary).contains("net of"))
        XCTAssertFalse(RunCharts.groupGains(summary).caption.contains("net of"))
    }
}
