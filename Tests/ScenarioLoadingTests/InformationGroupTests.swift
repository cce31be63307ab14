import Foundation
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The `voi: {groups: {NAME: [PATH, …]}}` section of a scenario.
final class InformationGroupTests: XCTestCase {
    static func fund(appending text: String) throws -> String {
        try String(contentsOf: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml"), encoding: .utf8) + "\n" + text
    }

    func testGroupsLoadInFileOrderWithFullPaths() throws {
        let text = try Self.fund(appending: """
            voi:
              groups:
                grants: [interventions.small_grants.cost_per_participant, needs.long_term_conditions.prevalence]
                costs: [interventions.phm_analytics.fixed_cost]
            """)
        let scenario = try ScenarioFixtures.load(text, directory: RepositoryPaths.scenarios)
        XCTAssertEqual(scenario.informationGroups, [
            Scenario.InformationGroup(name: "grants", paths: ["interventions.small_grants.cost_per_participant", "needs.long_term_conditions.prevalence.base"]),
            Scenario.InformationGroup(name: "costs", paths: ["interventions.phm_analytics.fixed_cost"]),
        ])
    }

    func testBadPathsAreReportedWithPositionsAndSuggestions() throws {
        let text = try Self.fund(appending: """
            voi:
              groups:
                grants: [interventions.small_grants.cost_per_participent, interventions.phm_analytics.fixed_cost, interventions.phm_analytics.fixed_cost]
                empty: []
            """)
        let messages = ScenarioFixtures.diagnostics(text, directory: RepositoryPaths.scenarios).map { "\($0.path): \($0.message)" }
        XCTAssertEqual(messages, [
            "voi.groups.grants.0: no value at key path `interventions.small_grants.cost_per_participent` (did you mean `interventions.small_grants.cost_per_participant`?)",
            "voi.groups.grants.2: `interventions.phm_analytics.fixed_cost` is already in group `grants`",
            "voi.groups.empty: expected at least one parameter key path",
        ])
    }
}
