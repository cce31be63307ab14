import MonteCarlo
import RunAnalysis
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The run summary on the hand-worked one-cohort scenario, where every number is known.
final class RunSummaryTests: XCTestCase {
    /// Base: Q = 889/year, cost £15,000/year (no discounting), 2 years. The option shifts £3,000
    /// a year into a programme (see HandWorkedTests.testShiftOption): Q = 892 then 892.1, cost
    /// £14,100/year. ΔQ = 5.1, ΔC = −1,800: dominant, NMB at £20,000 = 5.1·20,000 + 1,800.
    let text = ScenarioFixtures.handWorkedShift

    func testIncrementsAndEconomics() async throws {
        let scenario = try ScenarioFixtures.load(text)
        let table = try await EngineRuns.deterministic(scenario)
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0, 1])
        let summary = try RunSummary(scenario: scenario, table: table, settings: settings)
        let base = summary.options[0], option = summary.options[1]
        XCTAssertNil(base.incremental)
        // Base with the programme at £600: Z = 50, Q₀ = 890 (HandWorkedTests); its incidence
        // effect keeps 1 − 0.5·50/1000 = 0.975, so P₁ = 100 + (0.1/9)·0.975·900 − 10 = 99.75,
        // D₁ = 50 + 199.5 − 50 = 199.5, U₁ = 49.5 and Q₁ = 900 − 9.975 − 0.495 + 0.5 = 890.03.
        XCTAssertEqual(base.qalys.mean, 1780.03, accuracy: 1e-9)
        XCTAssertEqual(option.qalys.mean, 892 + 892.1, accuracy: 1e-9)
        let increment = try XCTUnwrap(option.incremental)
        XCTAssertEqual(increment.qalys.mean, 1784.1 - 1780.03, accuracy: 1e-9)
        XCTAssertEqual(increment.cost.mean, 2 * (14_100 - 15_600), accuracy: 1e-9)
        XCTAssertEqual(option.economics.icerVersusBase, "dominant")
        XCTAssertEqual(option.economics.nmb.mean, 4.07 * 20_000 + 3_000, accuracy: 1e-6)
        XCTAssertEqual(option.economics.probabilityBestValue, 1)
        XCTAssertEqual(option.economics.evpi.population, 0)
        // One group: h = 70 + 4.07/1000 (no opportunity cost); a single group has no gap.
        XCTAssertEqual(option.groups[0].health.mean, 70.00407, accuracy: 1e-12)
        XCTAssertEqual(option.equity.gap.mean, 0)
        XCTAssertEqual(summary.rankByEpsilon.first?.order, ["upstream", "base"])
        // W = EDE × population, keyed by option name: one group, so EDE = h at every aversion.
        XCTAssertEqual(summary.rankByEpsilon.first?.welfare["upstream"] ?? .nan, 70_004.07, accuracy: 1e-7)
        XCTAssertEqual(summary.rankByAlpha.first?.welfare["base"] ?? .nan, 70_000, accuracy: 1e-7)
        // ΔEDE × population = 4.07/1000 × 1000 = ΔQ at every ε and α; none for base.
        XCTAssertEqual(option.equity.edeChangeTimesPopulation?["2"]?.mean ?? .nan, 4.07, accuracy: 1e-9)
        XCTAssertEqual(option.equity.kolmEdeChangeTimesPopulation?["0.5"]?.mean ?? .nan, 4.07, accuracy: 1e-9)
        XCTAssertNil(base.equity.edeChangeTimesPopulation)
    }

    /// Two equal groups at 60 and 70 years: μ = 65 and the Kolm index is
    /// ln(½e^{5α} + ½e^{−5α})/α = ln(cosh 5α)/α (Kolm 1976): 1.2011450696 at α = 0.1,
    /// 3.6271363359 at α = 0.5 and 4.3068982183 at α = 1.
    func testKolmIndexOfTheBaselineDistribution() async throws {
        let scenario = try ScenarioFixtures.load("""
            name: kolm
            horizon: 1
            dimensions: {imd: [Q1, Q2]}
            equity: {baseline_health: {Q1: 60, Q2: 70}}
            cohorts: [{imd: Q1, population: 1000, utility: 0.8}, {imd: Q2, population: 1000, utility: 0.9}]
            services:
              gp: {unit_cost: 40, budget: 100000, base_rate: 1}
            """)
        let table = try await EngineRuns.deterministic(scenario)
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0])
        let kolm = try RunSummary(scenario: scenario, table: table, settings: settings).options[0].equity.kolm
        XCTAssertEqual(kolm["0.1"]?.mean ?? .nan, 1.2011450695827746, accuracy: 1e-12)
        XCTAssertEqual(kolm["0.5"]?.mean ?? .nan, 3.6271363358583453, accuracy: 1e-12)
        XCTAssertEqual(kolm["1"]?.mean ?? .nan, 4.3068982183392714, accuracy: 1e-12)
    }
}
