import MonteCarlo
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Deaths, progression and the value after the horizon (MODEL.md §2) on one cohort of 1,000
/// people with utility 1, two needs `a` and `b`, three years, every number worked by hand.
/// Incidence and exits are 0 unless a test says otherwise, so the stocks move only by deaths
/// and progression; the one service has budget to spare, so nothing is rationed.
final class DeathsAndProgressionTests: XCTestCase {
    func scenario(
        growth: Double = 0, health discount: Double = 0, afterHorizon: String = "", a: String, b: String,
        interventions: String = "", options: String = ""
    ) -> String {
        """
        name: deaths
        horizon: 3
        discount: {costs: 0, health: \(discount)}
        dimensions: {imd: [Q1]}
        cohorts: [{imd: Q1, population: 1000, utility: 1, growth: \(growth)\(afterHorizon)}]
        needs:
          a: {incidence: 0, \(a)}
          b: {incidence: 0, \(b)}
        services:
          svc: {unit_cost: 1, budget: 1000000}
        \(interventions)
        \(options)
        """
    }

    /// m_a = 0.1, m_b = 0.2, δ_a = 0.5, growth 0.1; `N' = (N − Dth)·1.1`, `P' = P − m·P`.
    /// t=0: P = (200, 100), Dth = 20 + 20 = 40, Q = 1000 − 0.5·200 = 900; N1 = 960·1.1 = 1056,
    ///      P1 = (180, 80)
    /// t=1: Dth = 18 + 16 = 34, Q = 1056 − 90 = 966; N2 = 1022·1.1 = 1124.2, P2 = (162, 64)
    /// t=2: Dth = 16.2 + 12.8 = 29, Q = 1124.2 − 81 = 1043.2; N3 = 1095.2·1.1 = 1204.72
    func testDeathsLeaveThePopulation() async throws {
        let text = scenario(
            growth: 0.1, a: "prevalence: 0.2, excess_deaths: 0.1, utility_loss: 0.5",
            b: "prevalence: 0.1, excess_deaths: 0.2")
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(text))
        assertClose(table.yearly[0].deaths, [40, 34, 29])
        assertClose(table.yearly[0].lifeYears, [1000, 1056, 1124.2])
        assertClose(table.yearly[0].qalys, [900, 966, 1043.2])
        XCTAssertEqual(table.deaths[0], 103, accuracy: 1e-9)
        XCTAssertEqual(table.lifeYears[0], 3180.2, accuracy: 1e-9)
        XCTAssertEqual(table.groupLifeYears[0], 3180.2, accuracy: 1e-9)
    }

    /// a → b at θ = 0.1 and back b → a at 0.2; demand shows the stocks: D = P_a·1 + P_b·10.
    /// t=0: P = (200, 50): X_ab = 20, X_ba = 10 → P1 = (190, 60); D = 200 + 500 = 700
    /// t=1: X_ab = 19, X_ba = 12 → P2 = (183, 67); D = 190 + 600 = 790
    /// t=2: D = 183 + 670 = 853
    /// A programme for everyone with `a` (uptake 0.5, fully funded, no lag) that slows progression
    /// out of `a` by 0.5 keeps 1 − R = 1 − 0.5·0.5 = 0.75 of it: X_ab = 0.075·P_a.
    /// t=0: X_ab = 15, X_ba = 10 → P1 = (195, 55); D = 700
    /// t=1: X_ab = 14.625, X_ba = 11 → P2 = (191.375, 58.625); D = 195 + 550 = 745
    /// t=2: D = 191.375 + 586.25 = 777.625
    func testProgressionBothWaysAndItsSlowing() async throws {
        let programme = """
            interventions:
              coaching: {eligible: "need:a", uptake: 0.5, cost_per_participant: 1, budget: 0, effects: {progression: {a: 0.5}}}
            options:
              funded: {budgets: {coaching: 1000000}}
            """
        let text = scenario(
            a: "prevalence: 0.2, progression: {b: 0.1}, use: {svc: 1}",
            b: "prevalence: 0.05, progression: {a: 0.2}, use: {svc: 10}", interventions: programme)
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(text))
        assertClose(table.yearly[0].demand, [700, 790, 853])
        assertClose(table.yearly[1].demand, [700, 745, 777.625])
        XCTAssertEqual(table.deaths[0], 0)
    }

    /// m_a = 0.1, m_b = 0.05. A programme for everyone (uptake 0.5, fully funded, lag 1, ramp 2)
    /// cuts `a`'s excess deaths by 0.4 among participants: φ = κ·uptake = 0.5, w = (0, 0.5, 1),
    /// m'_a = 0.1·(1 − w·0.4·0.5) = (0.1, 0.09, 0.08); `b`'s deaths are untouched.
    /// base:   t=0 Dth = 50 + 10 = 60, N1 = 940, P1 = (450, 190)
    ///         t=1 Dth = 45 + 9.5 = 54.5, N2 = 885.5, P2 = (405, 180.5)
    ///         t=2 Dth = 40.5 + 9.025 = 49.525, N3 = 835.975
    /// funded: t=0 as base; t=1 Dth = 450·0.09 + 9.5 = 50, N2 = 890, P2 = (409.5, 180.5)
    ///         t=2 Dth = 409.5·0.08 + 9.025 = 41.785, N3 = 848.215
    /// Life-years 2825.5 and 2830: +4.5; deaths 164.025 and 151.785: −12.24. With utility 1 and
    /// no discounting, ΔQ = 4.5 within the horizon plus (848.215 − 835.975)·q after it.
    func testMortalityEffectWithLagAndRamp() async throws {
        for q in [0.0, 10.0] {
            let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(mortalityScenario(afterHorizon: q)))
            assertClose(table.yearly[0].deaths, [60, 54.5, 49.525])
            assertClose(table.yearly[1].deaths, [60, 50, 41.785])
            XCTAssertEqual(table.lifeYears[1] - table.lifeYears[0], 4.5, accuracy: 1e-9)
            XCTAssertEqual(table.deaths[1] - table.deaths[0], -12.24, accuracy: 1e-9)
            XCTAssertEqual(table.qalys[1] - table.qalys[0], 4.5 + 12.24 * q, accuracy: 1e-8, "q = \(q)")
            XCTAssertEqual(table.qalysAfterHorizon[0], 835.975 * q, accuracy: 1e-8)
        }
    }

    /// The survivors of the depletion test, N3 = 1204.72, each carry q = 10 QALYs discounted at
    /// 10% over T = 3 years: 12047.2/1.331; the years themselves weigh 1, 1/1.1, 1/1.21.
    func testValueAfterTheHorizonIsDiscounted() async throws {
        let text = scenario(
            growth: 0.1, health: 0.1, afterHorizon: ", qalys_after_horizon: 10",
            a: "prevalence: 0.2, excess_deaths: 0.1, utility_loss: 0.5", b: "prevalence: 0.1, excess_deaths: 0.2")
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(text))
        XCTAssertEqual(table.qalysAfterHorizon[0], 12047.2 / 1.331, accuracy: 1e-8)
        XCTAssertEqual(table.qalys[0], 900 + 966 / 1.1 + 1043.2 / 1.21 + 12047.2 / 1.331, accuracy: 1e-8)
        XCTAssertEqual(table.groupQalys[0], table.qalys[0], accuracy: 1e-8)
    }

    /// A `set` on a cohort's value after the horizon changes that option alone.
    /// Cohort rows describe the population, not an option (docs/MODEL-NOTES.md "Options"): a
    /// `set` on a cohort's value after the horizon is refused at validation, with its position.
    func testSetOnTheValueAfterTheHorizonIsRefused() throws {
        let options = """
            options:
              longer: {set: {"cohorts.0.qalys_after_horizon": 12}}
            """
        let text = scenario(afterHorizon: ", qalys_after_horizon: 10", a: "prevalence: 0.2, excess_deaths: 0.1", b: "prevalence: 0", options: options)
        XCTAssertThrowsError(try ScenarioFixtures.load(text)) { error in
            XCTAssertTrue("\(error)".contains("options.longer.set.cohorts.0.qalys_after_horizon: `set` cannot change a cohort row"), "\(error)")
        }
    }

    private func mortalityScenario(afterHorizon q: Double) -> String {
        let programme = """
            interventions:
              support: {uptake: 0.5, cost_per_participant: 1, budget: 0, lag: 1, ramp: 2, effects: {mortality: {a: 0.4}}}
            options:
              funded: {budgets: {support: 1000000}}
            """
        return scenario(
            afterHorizon: ", qalys_after_horizon: \(q)", a: "prevalence: 0.5, excess_deaths: 0.1",
            b: "prevalence: 0.2, excess_deaths: 0.05", interventions: programme)
    }

    private func assertClose(_ actual: [Double], _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) {
            XCTAssertEqual(a, e, accuracy: 1e-9 * max(1, abs(e)), "\(actual) vs \(expected)", file: file, line: line)
        }
    }
}
