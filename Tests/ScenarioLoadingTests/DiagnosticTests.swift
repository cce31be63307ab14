import Foundation
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// Each error class a person can make, with the exact message and position they will see.
final class DiagnosticTests: XCTestCase {
    func testMinimalScenarioIsValid() throws {
        XCTAssertEqual(ScenarioFixtures.diagnostics(ScenarioFixtures.minimal), [])
    }

    func testMisspeltKeySuggestsTheClosestKey() {
        let text = ScenarioFixtures.minimal(replacingLine: 15, with: "    unit_cots: 2000")
        let found = ScenarioFixtures.diagnostics(text).map(\.description)
        XCTAssertTrue(found.contains("test.yaml:15:5: services.emergency_admission.unit_cots: unknown key `unit_cots` (did you mean `unit_cost`?); expected one of: unit_cost, budget, base_rate, access, supply_elasticity, carryover, qaly_loss_per_unmet, deaths_per_unmet"), "\(found)")
        // The required key is now missing too, reported at the service's mapping.
        XCTAssertTrue(found.contains { $0.hasPrefix("test.yaml:15:5: services.emergency_admission.unit_cost: missing required key `unit_cost`") }, "\(found)")
    }

    func testUnknownServiceReferenceSuggestsTheClosestName() {
        let text = ScenarioFixtures.minimal(replacingLine: 12, with: "    use: {emergency_admision: 0.5}")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:12:11: needs.copd.use.emergency_admision: unknown service `emergency_admision` (did you mean `emergency_admission`?); known: emergency_admission",
        ])
    }

    func testUnknownLevelInCohort() {
        let text = ScenarioFixtures.minimal(replacingLine: 7, with: "  - {imd: Q3, population: 2000, utility: 0.9}")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:7:11: cohorts.1.imd: unknown level of `imd` `Q3` (did you mean `Q1`?); known: Q1, Q2",
        ])
    }

    func testDuplicateCohort() {
        let text = ScenarioFixtures.minimal(replacingLine: 7, with: "  - {imd: Q1, population: 2000, utility: 0.9}")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:7:5: cohorts.1: cohort Q1 is listed twice (first as cohort 1); merge the rows",
        ])
    }

    func testNegativePopulation() {
        let text = ScenarioFixtures.minimal(replacingLine: 6, with: "  - {imd: Q1, population: -5, utility: 0.8}")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:6:27: cohorts.0.population: the value -5 must not be negative",
        ])
    }

    func testShareOutsideUnitIntervalAfterMultipliers() {
        // 0.6 × 2.0 = 1.2 for cohort Q1.
        let text = ScenarioFixtures.minimal(replacingLine: 10, with: "    prevalence: {base: 0.6, multiply: {imd: {Q1: 2.0}}}")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:10:17: needs.copd.prevalence: resolves to 1.2 for cohort Q1; the value is a share and must be within [0, 1]",
        ])
    }

    func testShiftThatDrivesABudgetBelowZero() {
        let text = ScenarioFixtures.minimal(appending: """
            options:
              too-much:
                shift: [{from: vaccination, to: emergency_admission, amount: 15000}]
            """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:24:12: options.too-much.shift: the shifts leave `vaccination` with a budget of -5000 in year 0; a budget cannot be negative",
        ])
    }

    func testSetPathThatDoesNotExist() {
        let text = ScenarioFixtures.minimal(appending: """
            options:
              elastic:
                set: {"services.emergency_admission.supply_elastcity": 0.1}
            """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:24:11: options.elastic.set.services.emergency_admission.supply_elastcity: no value at key path `services.emergency_admission.supply_elastcity` (did you mean `services.emergency_admission.supply_elasticity`?); `set` replaces a number the scenario has, e.g. services.NAME.supply_elasticity",
        ])
    }

    func testSetOnACohortVaryingValueReplacesItsBase() throws {
        let text = ScenarioFixtures.minimal(appending: """
            options:
              fewer:
                set: {"needs.copd.prevalence": 0.05}
            """)
        let scenario = try ScenarioFixtures.load(text)
        XCTAssertEqual(scenario.options[0].overrides.map(\.target), ["needs.copd.prevalence.base"])
        XCTAssertEqual(scenario.options[0].overrides[0].value.path, "options.fewer.set.needs.copd.prevalence")
    }

    func testYAMLSyntaxErrorHasItsPosition() {
        let text = "name: tiny\nhorizon: [3\n"
        let found = ScenarioFixtures.diagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 3)
        XCTAssertTrue(found.first?.message.hasPrefix("YAML syntax error:") ?? false, "\(found)")
    }

    func testEmptyAndMissingFilesExitWith66() throws {
        XCTAssertThrowsError(try ScenarioFixtures.load("# only a comment\n")) { error in
            XCTAssertEqual((error as? ScenarioLoadError)?.exitCode, 66)
        }
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")) { error in
            XCTAssertEqual((error as? ScenarioLoadError)?.exitCode, 66)
            XCTAssertEqual("\(error)", "/nonexistent/scenario.yaml: cannot read the scenario: no such file")
        }
    }

    func testFileThatIsNotAScenario() {
        XCTAssertEqual(ScenarioFixtures.diagnostics("- just\n- a list\n").map(\.description), [
            "test.yaml:1:1: this is not a scenario file: expected a mapping with name, horizon, dimensions, cohorts, services (see `phm new`)",
        ])
    }

    func testEveryProblemIsReportedInOnePass() {
        var text = ScenarioFixtures.minimal(replacingLine: 2, with: "horizon: 0")
        text = text.replacingOccurrences(of: "exit_rate: 0.05", with: "exit_rat: 0.05")
        text = text.replacingOccurrences(of: "budget: 10000", with: "budget: -1")
        let found = ScenarioFixtures.diagnostics(text).map(\.description)
        XCTAssertEqual(found, [
            "test.yaml:2:10: horizon: expected a whole number from 1 to 100, found 0",
            "test.yaml:11:5: needs.copd.exit_rat: unknown key `exit_rat` (did you mean `exit_rate`?); expected one of: prevalence, exit_rate, incidence, utility_loss, excess_deaths, progression, use",
            "test.yaml:20:13: interventions.vaccination.budget: the value -1 must not be negative",
        ])
    }

    func testBadDistributionParameters() {
        let cases: [(String, String)] = [
            ("{dist: normal, mean: 0.05, sd: 0}", "normal needs sd > 0 (got 0.0)"),
            ("{dist: beta, mean: 0.05, sd: 0.3}", "beta with mean 0.05 needs sd < 0.2179 = sqrt(mean·(1−mean)) (got 0.3)"),
            ("{dist: triangular, low: 0.01, mode: 0.2, high: 0.1}", "triangular needs low ≤ mode ≤ high (got 0.01, 0.2, 0.1)"),
            ("{dist: gama, mean: 0.05, sd: 0.01}", "unknown distribution `gama` (did you mean `gamma`?); expected one of: normal, lognormal, gamma, beta, uniform, triangular, pert"),
            ("{dist: lognormal, mean: 0.05}", "a lognormal distribution needs mean, sd or p10, p90; found mean"),
        ]
        for (spec, message) in cases {
            let text = ScenarioFixtures.minimal(replacingLine: 11, with: "    exit_rate: \(spec)")
            let found = ScenarioFixtures.diagnostics(text)
            XCTAssertEqual(found.map(\.message), [message], spec)
            XCTAssertEqual(found.first?.line, 11, spec)
        }
    }

    /// ρ_AB = 0.6 and ρ_AC = 0.8 with ρ_BC = 0 give det = 1 − 0.36 − 0.64 = 0: not positive
    /// definite, so no Gaussian copula exists; the pair that completes the conflict is named.
    func testCorrelationsThatCannotHoldTogether() {
        let text = ScenarioFixtures.minimal
            .replacingOccurrences(of: "exit_rate: 0.05", with: "exit_rate: {dist: beta, mean: 0.05, sd: 0.01}\n    utility_loss: {dist: beta, mean: 0.1, sd: 0.02}")
            .replacingOccurrences(of: "unit_cost: 2000", with: "unit_cost: {dist: gamma, mean: 2000, sd: 200}")
            + """

            correlations:
              - {between: [needs.copd.exit_rate, needs.copd.utility_loss], rho: 0.6}
              - {between: [needs.copd.exit_rate, services.emergency_admission.unit_cost], rho: 0.8}
            """
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:25:5: correlations.1: these correlations cannot hold together (the correlation matrix is not positive definite at `services.emergency_admission.unit_cost`): needs.copd.exit_rate ~ services.emergency_admission.unit_cost (rho 0.8); weaken one of them",
        ])
        XCTAssertEqual(ScenarioFixtures.diagnostics(text.replacingOccurrences(of: "rho: 0.8", with: "rho: 0.7")), [])
    }

    func testCohortTableWithABadRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# cohorts\nimd,population,utility\nQ1,1000,0.8\nQ2,lots,0.9\n".write(to: folder.appendingPathComponent("cohorts.csv"), atomically: true, encoding: .utf8)
        let text = ScenarioFixtures.minimal
            .replacingOccurrences(of: "  - {imd: Q1, population: 1000, utility: 0.8}\n  - {imd: Q2, population: 2000, utility: 0.9}", with: "  table: cohorts.csv")
        let found = ScenarioFixtures.diagnostics(text, file: "dir/s.yaml", directory: folder).map(\.description)
        XCTAssertEqual(found, ["dir/cohorts.csv:4:4: cohorts.population: expected a number, found `lots`"])
    }

    func testCohortTableLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "imd,population,utility,growth\nQ1,1000,0.8,0.01\nQ2,2000,0.9,\n".write(to: folder.appendingPathComponent("cohorts.csv"), atomically: true, encoding: .utf8)
        let text = ScenarioFixtures.minimal
            .replacingOccurrences(of: "  - {imd: Q1, population: 1000, utility: 0.8}\n  - {imd: Q2, population: 2000, utility: 0.9}", with: "  table: cohorts.csv")
        let scenario = try ScenarioFixtures.load(text, directory: folder)
        XCTAssertEqual(scenario.cohorts.map(\.population.distribution), [.fixed(1000), .fixed(2000)])
        XCTAssertEqual(scenario.cohorts.map(\.growth.distribution), [.fixed(0.01), .fixed(0)])
    }
}
