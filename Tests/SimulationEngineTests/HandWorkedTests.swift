import MonteCarlo
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The equations of MODEL.md §2 on one cohort, with every number worked by hand.
///
/// One cohort of 1,000 people (utility 0.9, no growth), one need with prevalence 0.1 and exit
/// rate 0.1, so steady-state incidence ι = 0.1·0.1/0.9 keeps P = 100 every year:
/// P' = 100 + (0.1/9)·(1000 − 100) − 0.1·100 = 100. One service: unit cost £100, budget £15,000
/// → K = 150; demand D = N·b + P·u·a = 1000·0.05 + 100·2·1 = 250 > 150, so A = 150, U = 100.
/// Health Q = N·u − P·δ − U·λ = 900 − 100·0.1 − 100·0.01 = 889. Nobody dies, so the population
/// stays at 1,000 (deaths and progression have their own tests in `DeathsAndProgressionTests`):
/// these numbers are the engine's before deaths counted, unchanged.
final class HandWorkedTests: XCTestCase {
    func scenario(carryover: Double = 0, intervention: String = "", options: String = "") -> String {
        """
        name: hand
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts: [{imd: Q1, population: 1000, utility: 0.9}]
        needs:
          copd: {prevalence: 0.1, exit_rate: 0.1, utility_loss: 0.1, use: {admission: 2}}
        services:
          admission: {unit_cost: 100, budget: 15000, base_rate: 0.05, carryover: \(carryover), qaly_loss_per_unmet: 0.01}
        \(intervention)
        \(options)
        """
    }

    func testRationingAndHealth() async throws {
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario()))
        XCTAssertEqual(table.qalys[0], 2 * 889, accuracy: 1e-9)
        XCTAssertEqual(table.cost[0], 30_000, accuracy: 1e-9)
        XCTAssertEqual(table.deaths[0], 0)
        XCTAssertEqual(table.lifeYears[0], 2000)
        XCTAssertEqual(table.yearly[0].demand, [250, 250])
        XCTAssertEqual(table.yearly[0].activity, [150, 150])
        XCTAssertEqual(table.yearly[0].unmet, [100, 100])
    }

    /// β = 0.5: year 1 demand is 250 + 0.5·100 = 300, still rationed to 150, so U = 150 and
    /// Q₁ = 900 − 10 − 1.5 = 888.5.
    func testCarryoverOfUnmetDemand() async throws {
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario(carryover: 0.5)))
        XCTAssertEqual(table.yearly[0].demand, [250, 300])
        XCTAssertEqual(table.yearly[0].unmet, [100, 150])
        XCTAssertEqual(table.qalys[0], 889 + 888.5, accuracy: 1e-9)
    }

    /// A programme with £600: F = 600 − 100 = 500; reachable 1000·0.2 = 200; κ = 500/(10·200) =
    /// 0.25; Z = 50. With lag 0 it avoids 50 admissions at once: D = 200, A = 150, U = 50, and
    /// Q = 900 − 10 − 0.5 + 0.01·50 = 890; cost 15,000 + 100 + 10·50 = 15,600 a year.
    func testInterventionCoverageAndEffects() async throws {
        let programme = """
            interventions:
              outreach: {cost_per_participant: 10, fixed_cost: 100, budget: 600, uptake: 0.2, effects: {demand: {admission: 1.0}, qaly_per_participant: 0.01}}
            """
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario(intervention: programme)))
        XCTAssertEqual(table.yearly[0].participants, [50, 50])
        XCTAssertEqual(table.yearly[0].demand, [200, 200])
        XCTAssertEqual(table.qalys[0], 2 * 890, accuracy: 1e-9)
        XCTAssertEqual(table.cost[0], 2 * 15_600, accuracy: 1e-9)
    }

    /// Lag 1, ramp 2: year 0 has no effect (w = 0); in year 1 the participants of year 0 act with
    /// w = min(1, (1 − 1 + 1)/2) = 0.5, avoiding 25 admissions: D = 225, U = 75,
    /// Q₁ = 900 − 10 − 0.75 + 0.5·0.01·50 = 889.5.
    func testLagAndRamp() async throws {
        let programme = """
            interventions:
              outreach: {cost_per_participant: 10, fixed_cost: 100, budget: 600, uptake: 0.2, lag: 1, ramp: 2, effects: {demand: {admission: 1.0}, qaly_per_participant: 0.01}}
            """
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario(intervention: programme)))
        XCTAssertEqual(table.yearly[0].demand, [250, 225])
        XCTAssertEqual(table.yearly[0].qalys[0], 889, accuracy: 1e-9)
        XCTAssertEqual(table.yearly[0].qalys[1], 889.5, accuracy: 1e-9)
    }

    /// Shifting £3,000 from the service to the programme: K = 120; the programme has £3,600,
    /// F = 3,500 ≥ 10·200, so κ = 1 and Z = 200, avoiding 200 admissions: D = 50 ≤ 120, U = 0.
    /// Q = 900 − 10 + 0.01·200 = 892; cost = 12,000 + 100 + 2,000 = 14,100.
    /// Incidence effect 0.5 on everyone: 1 − I = 1 − 0.5·200/1000 = 0.9, so
    /// P₁ = 100 + (0.1/9)·0.9·900 − 10 = 99, and Q₁ = 900 − 9.9 + 2 = 892.1.
    func testShiftOption() async throws {
        let programme = """
            interventions:
              outreach: {cost_per_participant: 10, fixed_cost: 100, budget: 600, uptake: 0.2, effects: {demand: {admission: 1.0}, incidence: {copd: 0.5}, qaly_per_participant: 0.01}}
            """
        let option = """
            options:
              upstream: {shift: [{from: admission, to: outreach, amount: 3000}]}
            """
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario(intervention: programme, options: option)))
        XCTAssertEqual(table.optionNames, ["base", "upstream"])
        XCTAssertEqual(table.yearly[1].participants, [200, 200])
        XCTAssertEqual(table.yearly[1].unmet, [0, 0])
        XCTAssertEqual(table.yearly[1].qalys[0], 892, accuracy: 1e-9)
        XCTAssertEqual(table.yearly[1].qalys[1], 892.1, accuracy: 1e-9)
        XCTAssertEqual(table.yearly[1].cost, [14_100, 14_100])
    }

    /// `set` on supply elasticity with a shift: K/K0 = 120/150 = 0.8 and η = 1 scale demand by
    /// 0.8: D = 250·0.8 = 200 > 120, so A = 120, U = 80 (no programme in this scenario).
    func testSetAndSupplyResponse() async throws {
        let option = """
            interventions:
              outreach: {cost_per_participant: 10, budget: 0}
            options:
              cut: {set: {"services.admission.supply_elasticity": 1}, shift: [{from: admission, to: outreach, amount: 3000}]}
            """
        let table = try await EngineRuns.deterministic(try ScenarioFixtures.load(scenario(options: option)))
        XCTAssertEqual(table.yearly[1].demand[0], 200, accuracy: 1e-9)
        XCTAssertEqual(table.yearly[1].activity[0], 120, accuracy: 1e-9)
        // Base is unchanged by the option's set.
        XCTAssertEqual(table.yearly[0].demand[0], 250, accuracy: 1e-9)
    }
}
