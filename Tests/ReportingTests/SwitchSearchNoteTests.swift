import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// Above 100,000 draws the switch points are searched on the first 100,000 (docs/MODEL-NOTES.md):
/// summary.json says so in `switch_search_draws`, and the ranking text says it in words; a
/// smaller run has neither.
final class SwitchSearchNoteTests: XCTestCase {
    func testTheSwitchSearchIsNamedOnlyWhenItUsedFewerDraws() async throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml").path)
        let table = try await EngineRuns.draws(scenario, draws: 24)
        let settings = RunSettings(draws: 24, seed: 7, threads: 2, options: Array(scenario.allOptions.indices))
        var summary = try RunSummary(scenario: scenario, table: table, settings: settings)
        XCTAssertNil(summary.switchSearchDraws)
        XCTAssertFalse(String(decoding: try RunFiles.json(summary), as: UTF8.self).contains("switch_search_draws"))
        XCTAssertFalse(BoardTable.epsilonText(summary).contains("searched on"))
        summary.switchSearchDraws = 12
        XCTAssertTrue(String(decoding: try RunFiles.json(summary), as: UTF8.self).contains("\"switch_search_draws\" : 12"))
        XCTAssertTrue(BoardTable.epsilonText(summary).hasSuffix("(Where the best option changes was searched on the first 12 of the 24 draws; the rankings above use every draw.)"),
                      BoardTable.epsilonText(summary))
    }
}
