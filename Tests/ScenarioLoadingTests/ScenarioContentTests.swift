import Foundation
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// What loading produces: distributions, defaults, references, the starter and the examples.
final class ScenarioContentTests: XCTestCase {
    /// Every distribution spec of MODEL.md §1 parses to the value it names, with the mean
    /// deterministic mode uses (worked by hand beside each).
    func testEveryDistributionSpecRoundTrips() throws {
        let cases: [(String, Distribution, Double)] = [
            ("0.05", .fixed(0.05), 0.05),
            ("{dist: normal, mean: 0.05, sd: 0.01}", .normal(mean: 0.05, sd: 0.01), 0.05),
            ("{dist: lognormal, mean: 0.05, sd: 0.02}", .lognormal(mean: 0.05, sd: 0.02), 0.05),
            // μ = (ln 0.02 + ln 0.08)/2 = ln 0.04; σ = ln 4 / (2·1.2815516) = 0.5408656; mean = 0.04·e^(σ²/2) = 0.0463002
            ("{dist: lognormal, p10: 0.02, p90: 0.08}", .lognormalInterval(p10: 0.02, p90: 0.08), 0.046300245),
            ("{dist: gamma, mean: 0.05, sd: 0.02}", .gamma(mean: 0.05, sd: 0.02), 0.05),
            ("{dist: beta, mean: 0.05, sd: 0.02}", .beta(mean: 0.05, sd: 0.02), 0.05),
            ("{dist: uniform, low: 0.02, high: 0.08}", .uniform(low: 0.02, high: 0.08), 0.05),
            // (0.02 + 0.03 + 0.1)/3 = 0.05
            ("{dist: triangular, low: 0.02, mode: 0.03, high: 0.1}", .triangular(low: 0.02, mode: 0.03, high: 0.1), 0.05),
            // (0.02 + 4·0.04 + 0.1)/6 = 0.28/6 = 0.0466667
            ("{dist: pert, low: 0.02, mode: 0.04, high: 0.1}", .pert(low: 0.02, mode: 0.04, high: 0.1), 0.28 / 6),
        ]
        for (spec, expected, mean) in cases {
            let text = ScenarioFixtures.minimal(replacingLine: 11, with: "    exit_rate: \(spec)")
            let scenario = try ScenarioFixtures.load(text)
            let parameter = scenario.needs[0].exitRate
            XCTAssertEqual(parameter.distribution, expected, spec)
            XCTAssertEqual(parameter.path, "needs.copd.exit_rate")
            XCTAssertEqual(parameter.distribution.mean, mean, accuracy: 1e-8, spec)
        }
    }

    func testDefaultsFollowModelNotes() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        XCTAssertEqual(scenario.discount, .init(costs: 0.035, health: 0.035))
        XCTAssertEqual(scenario.threshold, 20_000)
        XCTAssertEqual(scenario.monteCarlo, .init(draws: 1000, seed: 1, countNoise: .none))
        XCTAssertEqual(scenario.equity.dimension, 0)
        let service = scenario.services[0]
        XCTAssertEqual(service.access.base.distribution, .fixed(1))
        XCTAssertEqual(service.baseRate.base.distribution, .fixed(0))
        XCTAssertNil(scenario.needs[0].incidence)
        let intervention = scenario.interventions[0]
        XCTAssertEqual(intervention.eligible, .population)
        XCTAssertEqual(intervention.uptake.base.distribution, .fixed(1))
        XCTAssertEqual(intervention.effects.demand.keys.sorted(), [0])
    }

    func testCohortValueResolvesBaseTimesFactors() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        let prevalence = scenario.needs[0].prevalence
        let values = scenario.cohorts.enumerated().map { c, cohort in prevalence.value(for: cohort, index: c) { $0.distribution.mean } }
        XCTAssertEqual(values, [0.2, 0.1])  // Q1: 0.1 × 2.0; Q2: 0.1
    }

    /// An option may set a multiplier the file does not write; every other option sees 1.
    func testSetOnAnUnwrittenFactorAddsANeutralOne() throws {
        let text = ScenarioFixtures.minimal(appending: """
            options:
              targeted:
                set: {"needs.copd.prevalence.multiply.imd.Q2": 0.5}
            """)
        let scenario = try ScenarioFixtures.load(text)
        let factors = scenario.needs[0].prevalence.factors
        XCTAssertEqual(factors.map(\.value), [
            .init(path: "needs.copd.prevalence.multiply.imd.Q1", distribution: .fixed(2)),
            .fixed(1, at: "needs.copd.prevalence.multiply.imd.Q2"),
        ])
        XCTAssertEqual(scenario.options[0].overrides.map(\.target), ["needs.copd.prevalence.multiply.imd.Q2"])
    }

    func testStarterScenarioValidates() throws {
        let scenario = try ScenarioFixtures.load(StarterScenario.text(name: "my-ics"), file: "my-ics.yaml")
        XCTAssertEqual(scenario.name, "my-ics")
        XCTAssertEqual(scenario.cohorts.count, 10)
        XCTAssertEqual(scenario.options.map(\.name), ["upstream"])
    }

    func testEveryExampleScenarioValidates() throws {
        let files = RepositoryPaths.exampleScenarios + [RepositoryPaths.benchScenario]
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files {
            XCTAssertNoThrow(try ScenarioLoader.load(path: file.path), file.lastPathComponent)
        }
    }

    func testSchemaIsJSONAndListsTheScenarioKeys() throws {
        let data = Data(JSONSchema.document().utf8)
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ScenarioSchema.scenario.keyNames))
        XCTAssertEqual(schema["required"] as? [String], ["name", "horizon", "dimensions", "cohorts", "services"])
    }

    func testNameSuggestionDistance() {
        XCTAssertEqual(NameSuggestion.closest(to: "gp_apointment", among: ["gp_appointment", "emergency_admission"]), "gp_appointment")
        XCTAssertNil(NameSuggestion.closest(to: "zzz", among: ["gp_appointment"]))
    }
}
