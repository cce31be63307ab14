import MonteCarlo
import PaymentModels
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Who carries the demand risk (MODEL.md §6): each party's share of the variance of outturn
/// (activity at price), `Cov(part, S) / Var(S)`, over draws with Poisson count noise and an
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
        // block: the payment never moves, so the provider carries all of outturn's variance
        let block = models[0]
        XCTAssertEqual(block.payment.p5, block.payment.p95)
        XCTAssertGreaterThan(block.provider.margin.p95, block.provider.margin.p5)
        XCTAssertEqual(block.provider.outturnVarianceShare!, 1, accuracy: 1e-12)
        XCTAssertEqual(block.commissioner.outturnVarianceShare!, 0, accuracy: 1e-12)
        // capitation moves only with the population, which does not depend on the rate of use
        let capitation = models[1]
        XCTAssertEqual(capitation.provider.outturnVarianceShare! + capitation.commissioner.outturnVarianceShare!, 1, accuracy: 1e-12)
    }

    func testActivityAtVariableCostMovesAllVarianceToTheCommissioner() async throws {
        // Price = variable cost = £40: margin = −fixed cost in every draw.
        let models = try await run(try scenario(models: "          activity: {}", prices: "prices: {clinic: 40}"))
        let model = models[0]
        XCTAssertGreaterThan(model.payment.p95 - model.payment.p5, 1_000)
        XCTAssertEqual(model.provider.margin.mean, -50_000, accuracy: 1e-6)
        XCTAssertEqual(model.provider.marginPresentValue.mean, -50_000 * (1 + 1 / 1.035 + 1 / (1.035 * 1.035)), accuracy: 1e-6)
        XCTAssertEqual(model.provider.outturnVarianceShare!, 0, accuracy: 1e-12)
        XCTAssertEqual(model.commissioner.outturnVarianceShare!, 1, accuracy: 1e-12)
    }

    func testAQuarterOfEveryPoundAboveTheBudgetIsTheCommissioners() async throws {
        // A cohort budget far below spend with a 75% loss share and no cap: the payment is
        // S − 0.75 (S − B) = 0.25 S + 0.75 B, so the commissioner carries exactly 25% of outturn's
        // variance and the provider 75%, as the contract says.
        let models = try await run(try scenario(models: "          cohort-budget: {amount: 1000, loss: {share: 0.75}}"))
        XCTAssertEqual(models[0].commissioner.outturnVarianceShare!, 0.25, accuracy: 1e-9)
        XCTAssertEqual(models[0].provider.outturnVarianceShare!, 0.75, accuracy: 1e-9)
        XCTAssertEqual(models[0].triggers.first { $0.name == "spend above cohort budget" }?.shareOfYears, 1)
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
