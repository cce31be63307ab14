import Foundation
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The keys of deaths, progression and the value after the horizon (MODEL.md §1): each mistake
/// a person can make, with the exact message and position they will see.
final class DeathKeysTests: XCTestCase {
    /// `minimal` with a second need, `asthma`, after `copd` (line 12 is copd's `use`).
    func twoNeeds(copdLine11 line: String) -> String {
        let text = ScenarioFixtures.minimal(replacingLine: 12, with: "    use: {emergency_admission: 0.5}\n  asthma: {prevalence: 0.05}")
        return text.replacingOccurrences(of: "    exit_rate: 0.05\n", with: line + "\n")
    }

    func diagnostics(_ text: String) -> [String] { ScenarioFixtures.diagnostics(text).map(\.description) }

    func testNewKeysLoad() throws {
        let text = twoNeeds(copdLine11: "    progression: {asthma: 0.02}\n    excess_deaths: {base: 0.01, multiply: {imd: {Q1: 2.0}}}")
            .replacingOccurrences(of: "effects: {demand: {emergency_admission: 0.01}}", with: "effects: {mortality: {copd: 0.2}, progression: {copd: {dist: beta, mean: 0.3, sd: 0.05}}}")
            .replacingOccurrences(of: "utility: 0.8}", with: "utility: 0.8, qalys_after_horizon: {dist: gamma, mean: 12, sd: 2}}")
        let scenario = try ScenarioFixtures.load(text)
        let copd = scenario.needs[0]
        XCTAssertEqual(copd.progression.mapValues(\.distribution), [1: .fixed(0.02)])
        XCTAssertEqual(copd.excessDeaths.value(for: scenario.cohorts[0], index: 0) { $0.distribution.mean }, 0.02, accuracy: 1e-15)
        XCTAssertEqual(scenario.interventions[0].effects.mortality.mapValues(\.distribution), [0: .fixed(0.2)])
        XCTAssertEqual(scenario.interventions[0].effects.progression[0]?.distribution.mean ?? 0, 0.3, accuracy: 1e-12)
        XCTAssertEqual(scenario.cohorts[0].qalysAfterHorizon?.path, "cohorts.0.qalys_after_horizon")
        XCTAssertNil(scenario.cohorts[1].qalysAfterHorizon, "absent = no value after the horizon")
        // Every new value is a `set` path.
        let paths = Set(scenario.allParameters.map(\.path))
        for path in ["needs.copd.progression.asthma", "needs.copd.excess_deaths.multiply.imd.Q1",
                     "interventions.vaccination.effects.mortality.copd", "cohorts.0.qalys_after_horizon"] {
            XCTAssertTrue(paths.contains(path), path)
        }
    }

    func testDeathRateAboveOneForSomeCohort() {
        let text = twoNeeds(copdLine11: "    excess_deaths: {base: 0.3, multiply: {imd: {Q1: 4.0}}}")
        XCTAssertEqual(diagnostics(text), [
            "test.yaml:11:20: needs.copd.excess_deaths: resolves to 1.2 for cohort Q1; the value is a rate per person-year and must be within [0, 1]",
        ])
    }

    func testProgressionIntoItself() {
        XCTAssertEqual(diagnostics(twoNeeds(copdLine11: "    progression: {copd: 0.1}")), [
            "test.yaml:11:19: needs.copd.progression.copd: `copd` cannot progress into itself; name another need (known: asthma)",
        ])
    }

    func testProgressionToAMisspeltNeed() {
        XCTAssertEqual(diagnostics(twoNeeds(copdLine11: "    progression: {asthmaa: 0.1}")), [
            "test.yaml:11:19: needs.copd.progression.asthmaa: unknown need `asthmaa` (did you mean `asthma`?); known: asthma",
        ])
    }

    func testProgressionRateAboveOne() {
        XCTAssertEqual(diagnostics(twoNeeds(copdLine11: "    progression: {asthma: 1.5}")), [
            "test.yaml:11:27: needs.copd.progression.asthma: the value 1.5 is a rate per person-year and must be within [0, 1]",
        ])
    }

    func testMortalityEffectOutsideTheUnitInterval() {
        let text = ScenarioFixtures.minimal.replacingOccurrences(of: "effects: {demand: {emergency_admission: 0.01}}", with: "effects: {mortality: {copd: 1.2}}")
        XCTAssertEqual(diagnostics(text), [
            "test.yaml:21:33: interventions.vaccination.effects.mortality.copd: the value 1.2 is a share and must be within [0, 1]",
        ])
    }

    func testNegativeValueAfterTheHorizon() {
        let text = ScenarioFixtures.minimal(replacingLine: 6, with: "  - {imd: Q1, population: 1000, utility: 0.8, qalys_after_horizon: -2}")
        XCTAssertEqual(diagnostics(text), [
            "test.yaml:6:68: cohorts.0.qalys_after_horizon: the value -2 must not be negative",
        ])
    }

    func testValueAfterTheHorizonInACohortTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = ScenarioFixtures.minimal
            .replacingOccurrences(of: "  - {imd: Q1, population: 1000, utility: 0.8}\n  - {imd: Q2, population: 2000, utility: 0.9}", with: "  table: cohorts.csv")
        try "imd,population,utility,qalys_after_horizon\nQ1,1000,0.8,11.5\nQ2,2000,0.9,\n".write(to: folder.appendingPathComponent("cohorts.csv"), atomically: true, encoding: .utf8)
        let scenario = try ScenarioFixtures.load(table, directory: folder)
        XCTAssertEqual(scenario.cohorts[0].qalysAfterHorizon, .fixed(11.5, at: "cohorts.Q1.qalys_after_horizon"))
        XCTAssertNil(scenario.cohorts[1].qalysAfterHorizon, "an empty field is the default, none")

        try "imd,population,utility,qalys_after_horizon\nQ1,1000,0.8,-1\nQ2,2000,0.9,3\n".write(to: folder.appendingPathComponent("cohorts.csv"), atomically: true, encoding: .utf8)
        let found = ScenarioFixtures.diagnostics(table, file: "dir/s.yaml", directory: folder).map(\.description)
        XCTAssertEqual(found, ["dir/cohorts.csv:2:13: cohorts.qalys_after_horizon: the value -1 must not be negative"])
    }
}
