import MonteCarlo
import PaymentModels
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Who carries the demand risk (MODEL.md §6), shown by the variance split
/// `Var(margin) / (Var(margin) + Var(payment))` over draws with Poisson count noise and an
/// uncertain base rate.
final class VarianceSplitTests: XCTestCase {
    func scenario(models: String, prices: String = "") throws -> Scenario {
        try ScenarioFixtures.load("""
            name: risk
            horizon: 3
            monte_carlo: {draws: 100, seed: 11, stochastic: poisson}
            dimensions:
              imd: [Q1, Q2]
            cohorts:
              - {imd: Q1, population: 4000, utility: 0.8}
              - {imd: Q2, population: 6000, utility: 0.9}
            services:
              clinic:
                unit_cost: 100
                budget: 100000000
                base_rate: {dist: gamma, mean: 0.3, sd: 0.05}
            contracts:
              trust:
                provider: Community trust
                services: [clinic]
                \(prices)
                cost: {fixed: 50000, variable: 40}
                models:
            \(models)
            """)
    }

    func run(_ scenario: Scenario) async throws -> [ModelResult] {
        let settings = RunSettings(draws: 100, seed: 11, threads: 2, options: [0])
        return try await PaymentStudy(scenario: scenario, settings: settings, option: 0).run().contracts[0].models
    }

    func testBlockLeavesThePaymentConstantAndAllVarianceWithTheProvider() async throws {
        let models = try await run(try scenario(models: "          block: {amount: 120000}\n          capitation: {rate: 12}"))
        for model in models {
            XCTAssertEqual(model.commissionerPayment.variance, 0, model.model)
            XCTAssertGreaterThan(model.providerMargin.variance, 0, model.model)
            XCTAssertEqual(model.providerRiskShare, 1, model.model)
        }
    }

    func testActivityAtVariableCostMovesAllVarianceToTheCommissioner() async throws {
        // Price = variable cost = £40: margin = −fixed cost in every draw.
        let models = try await run(try scenario(models: "          activity: {}", prices: "prices: {clinic: 40}"))
        let model = models[0]
        XCTAssertGreaterThan(model.commissionerPayment.variance, 1e6)
        XCTAssertEqual(model.providerMargin.mean, -50_000 * (1 + 1 / 1.035 + 1 / (1.035 * 1.035)), accuracy: 1e-6)
        XCTAssertLessThan(model.providerMargin.variance, 1e-12 * model.commissionerPayment.variance)
        XCTAssertEqual(model.providerRiskShare!, 0, accuracy: 1e-12)
    }

    func testTheProbeLeavesTheRunsNumbersUnchanged() async throws {
        let scenario = try scenario(models: "          activity: {}")
        let settings = RunSettings(draws: 40, seed: 11, threads: 2, options: [0])
        let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
        let plain = try await runner.run()
        let probed = try await runner.run(probe: ContractProbe(scenario: scenario).probe)
        XCTAssertEqual(plain.qalys, probed.table.qalys)
        XCTAssertEqual(plain.cost, probed.table.cost)
        XCTAssertEqual(plain.serviceActivity, probed.table.serviceActivity)
        // With every cohort covered, the probe's activity is the service's activity.
        for d in 0..<40 {
            let total = probed.probe.activity(option: 0, draw: d, stream: 0).reduce(0, +)
            XCTAssertEqual(total, plain.serviceActivity[d], accuracy: 1e-9 * plain.serviceActivity[d])
        }
    }
}
