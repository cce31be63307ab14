import ScenarioModel
import SimulationEngine
import WorkbenchTestSupport
import XCTest

/// A scenario assembled in code can name a parameter path the scenario does not have; laying it
/// out throws a typed error naming the option and the path instead of crashing mid-run.
final class ModelLayoutErrorTests: XCTestCase {
    func testMistypedSetPathIsATypedError() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal(appending: """
            options:
              by-set:
                set: {"interventions.vaccination.budget": 30000}
            """))
        XCTAssertNoThrow(try ModelLayout(scenario))
        let valid = try XCTUnwrap(scenario.options.first?.overrides.first)
        let mistyped = ScenarioOption(
            name: "typo", description: "a `set` with a misspelt target", shifts: [],
            overrides: [ScenarioOption.Override(target: "interventions.vacination.budget", value: valid.value)])
        let broken = scenario.replacingOptions([mistyped])
        XCTAssertThrowsError(try ModelLayout(broken)) { error in
            XCTAssertEqual(error as? ModelLayoutError,
                           .unknownParameter(path: "interventions.vacination.budget", where: "options.typo.set"))
            XCTAssertTrue("\(error)".contains("not a parameter of the scenario"))
        }
    }
}
