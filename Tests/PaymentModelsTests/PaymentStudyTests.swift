import MonteCarlo
import PaymentModels
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Payments over whole runs of a scenario small enough to work by hand: two cohorts, one
/// service, no needs, so demand is `N · base_rate` every year.
///
/// Q1: 1,000 people × 0.5 = 500 units a year; Q2: 2,000 people × 0.5 × 0.2 = 200 units a year;
/// 700 in all, at a mean unit cost (and default price) of £100. Costs are discounted at 5%, so
/// the two years weigh 1 and 1/1.05 (sum 1.952380952…).
final class PaymentStudyTests: XCTestCase {
    static let twoYears = 1 + 1 / 1.05

    /// The scenario; `budget` sets capacity (£100 a unit), `extra` adds lines to the contract.
    static func scenario(budget: Double = 10_000_000, models: String, cohorts: String = "", prices: String = "",
                         cost: String = "{fixed: 20000, variable: 40}", noise: String = "none", unitCost: String = "100") throws -> Scenario {
        try ScenarioFixtures.load("""
            name: pay
            horizon: 2
            discount: {costs: 0.05, health: 0.05}
            monte_carlo: {draws: 64, seed: 3, stochastic: \(noise)}
            dimensions:
              imd: [Q1, Q2]
            cohorts:
              - {imd: Q1, population: 1000, utility: 0.8}
              - {imd: Q2, population: 2000, utility: 0.9}
            services:
              clinic:
                unit_cost: \(unitCost)
                budget: \(budget)
                base_rate: {base: 0.5, multiply: {imd: {Q2: 0.2}}}
            contracts:
              trust:
                provider: Community trust
                services: [clinic]
                \(cohorts)
                \(prices)
                cost: \(cost)
                models:
            \(models)
            options:
              busier:
                set: {"services.clinic.base_rate": 0.6}
            """)
    }

    static func study(_ scenario: Scenario, draws: Int = 1, deterministic: Bool = true, option: Int = 0, threads: Int = 2) async throws -> ContractResult {
        let settings = RunSettings(draws: draws, seed: 3, threads: threads, deterministic: deterministic, options: [0])
        return try await PaymentStudy(scenario: scenario, settings: settings, option: option).run().contracts[0]
    }

    static let allModels = """
              activity: {tariff_adjustment: -0.1}
              block: {amount: 60000, indexation: 0.05}
              blended: {above_plan: 0.5, below_plan: 0.5, outcome: {share: 0.1, service: clinic, reduction: 0.005}}
              capitation: {rate: 20, risk_weights: {base: 1, multiply: {imd: {Q1: 2}}}}
              cohort-budget: {amount: 75000, gain: {share: 0.5, cap: 2000}, loss: {share: 0.5}}
    """

    func testEveryModelPaysItsDeterministicFormulaExactly() async throws {
        let result = try await Self.study(try Self.scenario(models: Self.allModels))
        let payment = Dictionary(uniqueKeysWithValues: result.models.map { ($0.model, $0.commissionerPayment.mean) })
        // activity: 90 × 700 = 63,000 a year
        XCTAssertEqual(payment["activity"]!, 63_000 * Self.twoYears, accuracy: 1e-9 * 123_000)
        // block: 60,000, then 63,000 discounted by 1.05: exactly 120,000
        XCTAssertEqual(payment["block"]!, 120_000, accuracy: 1e-9 * 120_000)
        // blended: activity is on plan, so fixed element 70,000 less the 10% held back (the target,
        // 0.5% below plan, is missed)
        XCTAssertEqual(payment["blended"]!, 63_000 * Self.twoYears, accuracy: 1e-9 * 123_000)
        // capitation: 20 × (2 × 1,000 + 2,000) = 80,000 a year
        XCTAssertEqual(payment["capitation"]!, 80_000 * Self.twoYears, accuracy: 1e-9 * 156_000)
        // cohort budget: spend 70,000 against 75,000; half the 5,000 gain is 2,500, capped at 2,000
        XCTAssertEqual(payment["cohort-budget"]!, 72_000 * Self.twoYears, accuracy: 1e-9 * 140_000)
        // cost 20,000 + 40 × 700 = 48,000 a year under every model
        for model in result.models {
            XCTAssertEqual(model.providerCost.mean, 48_000 * Self.twoYears, accuracy: 1e-9 * 94_000, model.model)
            XCTAssertEqual(model.providerMargin.mean, model.commissionerPayment.mean - model.providerCost.mean, accuracy: 1e-6)
            XCTAssertNil(model.providerRiskShare, "one deterministic draw has no variance")
        }
        // the yearly series are undiscounted
        let yearly = Dictionary(uniqueKeysWithValues: result.models.map { ($0.model, $0.yearlyPayment) })
        XCTAssertEqual(yearly["block"]!, [60_000, 63_000], accuracy: 1e-9)
        XCTAssertEqual(yearly["cohort-budget"]!, [72_000, 72_000], accuracy: 1e-9)
        XCTAssertEqual(result.models[0].yearlyCost, [48_000, 48_000], accuracy: 1e-9)
        XCTAssertEqual(result.yearlyBudgetLine, [10_000_000, 10_000_000], accuracy: 1e-6)
        XCTAssertEqual(result.plannedActivity, [1_400], accuracy: 1e-9)
        XCTAssertEqual(result.budgetLine.mean, 10_000_000 * Self.twoYears, accuracy: 1e-3)
    }

    func testActivityPaymentPenalisesAndCapitationRewardsPrevention() async throws {
        // Prevention removes 1% of 700 = 7 units a year. Activity at £90 with a £40 variable
        // cost loses the provider 7 × 50 = 350 a year; capitation and block keep the income and
        // save 7 × 40 = 280 a year.
        let result = try await Self.study(try Self.scenario(models: Self.allModels))
        let alignment = Dictionary(uniqueKeysWithValues: result.models.map { ($0.model, $0.incentiveAlignment) })
        XCTAssertEqual(alignment["activity"]!, -350 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(alignment["capitation"]!, 280 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(alignment["block"]!, 280 * Self.twoYears, accuracy: 1e-6)
        // blended: 7 units below plan are deducted at 50% of £100 = 350 and the cost falls 280,
        // but 693 units is 1% below plan, so the outcome target (0.5%) is met and the 7,000 held
        // back is paid: +6,930 a year
        XCTAssertEqual(alignment["blended"]!, 6_930 * Self.twoYears, accuracy: 1e-6)
        // cohort budget: the capped gain stays at 2,000, so the provider loses 7 × 100 − 280 = 420
        XCTAssertEqual(alignment["cohort-budget"]!, -420 * Self.twoYears, accuracy: 1e-6)
    }

    func testTheSameSignsHoldOverDrawsWithCountNoise() async throws {
        let scenario = try Self.scenario(models: Self.allModels, noise: "poisson")
        let result = try await Self.study(scenario, draws: 64, deterministic: false)
        let alignment = Dictionary(uniqueKeysWithValues: result.models.map { ($0.model, $0.incentiveAlignment) })
        XCTAssertLessThan(alignment["activity"]!, 0)
        XCTAssertGreaterThan(alignment["capitation"]!, 0)
    }

    func testCohortFilterRationingAndTheDefaultBudgetLine() async throws {
        // Budget 35,000 buys 350 units against demand 700: everyone is served half. The contract
        // covers Q1 only: 500 × 0.5 = 250 units a year, and its budget line is the share of the
        // service's planned activity, 35,000 × 250 / 350 = 25,000 a year.
        let scenario = try Self.scenario(budget: 35_000, models: "          activity: {}", cohorts: "cohorts: {imd: [Q1]}")
        let result = try await Self.study(scenario)
        XCTAssertEqual(result.plannedActivity[0], 500, accuracy: 1e-9)
        XCTAssertEqual(result.activity[0].mean, 500, accuracy: 1e-9)
        XCTAssertEqual(result.budgetLine.mean, 25_000 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(result.models[0].commissionerPayment.mean, 25_000 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(result.cohorts, "imd: Q1")
    }

    func testAnOptionIsPaidAgainstTheBasePlan() async throws {
        // `busier` raises the base rate to 0.6: Q1 600 + Q2 240 = 840 units, 140 above the base
        // plan of 700. Blended: 90% of the fixed element 70,000 = 63,000, plus 50% of £100 for
        // each of the 140 units above plan = 7,000; the target is missed. Activity: 90 × 840.
        let result = try await Self.study(try Self.scenario(models: Self.allModels), option: 1)
        let payment = Dictionary(uniqueKeysWithValues: result.models.map { ($0.model, $0.commissionerPayment.mean) })
        XCTAssertEqual(payment["blended"]!, 70_000 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(payment["activity"]!, 90 * 840 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(result.plannedActivity, [1_400], accuracy: 1e-9)
    }

    func testAnOutcomeTargetOnAServiceTheContractDoesNotCover() async throws {
        // A community contract rewarded for fewer admissions: `ward` is not covered, but its
        // activity in the covered cohorts is the outcome. Plan: 3,000 × 0.1 = 300 admissions;
        // `fewer-admissions` halves the rate to 150, at least 1% below plan, so the 10% of the
        // fixed element (10% of 100 × 700 = 7,000) is paid; the base misses it.
        let scenario = try ScenarioFixtures.load("""
            name: outcome
            horizon: 1
            dimensions:
              imd: [Q1, Q2]
            cohorts:
              - {imd: Q1, population: 1000, utility: 0.8}
              - {imd: Q2, population: 2000, utility: 0.9}
            services:
              clinic: {unit_cost: 100, budget: 10000000, base_rate: {base: 0.5, multiply: {imd: {Q2: 0.2}}}}
              ward: {unit_cost: 3000, budget: 100000000, base_rate: 0.1}
            contracts:
              community:
                provider: Community trust
                services: [clinic]
                cost: {fixed: 0, variable: 40}
                models:
                  blended: {outcome: {share: 0.1, service: ward, reduction: 0.01}}
            options:
              fewer-admissions:
                set: {"services.ward.base_rate": 0.05}
            """)
        let base = try await Self.study(scenario)
        let option = try await Self.study(scenario, option: 1)
        XCTAssertEqual(base.models[0].commissionerPayment.mean, 63_000, accuracy: 1e-9)
        XCTAssertEqual(option.models[0].commissionerPayment.mean, 70_000, accuracy: 1e-9)
        XCTAssertEqual(base.services, ["clinic"])
    }

    func testResultsDoNotDependOnTheNumberOfThreads() async throws {
        let scenario = try Self.scenario(models: Self.allModels, noise: "poisson")
        let one = try await Self.study(scenario, draws: 40, deterministic: false, threads: 1)
        let three = try await Self.study(scenario, draws: 40, deterministic: false, threads: 3)
        for (a, b) in zip(one.models, three.models) {
            XCTAssertEqual(a.commissionerPayment, b.commissionerPayment, a.model)
            XCTAssertEqual(a.providerMargin, b.providerMargin, a.model)
            XCTAssertEqual(a.incentiveAlignment, b.incentiveAlignment, a.model)
        }
    }

    func testFixedShareOfTodaysCost() async throws {
        // Today's cost = 100 × 700 = 70,000 a year; 60% fixed = 42,000; variable £40 a unit.
        let scenario = try Self.scenario(models: "          activity: {}", cost: "{fixed_share: 0.6}")
        let model = try await Self.study(scenario).models[0]
        XCTAssertEqual(model.providerCost.mean, 70_000 * Self.twoYears, accuracy: 1e-6)
        XCTAssertEqual(model.incentiveAlignment, -7 * 60 * Self.twoYears, accuracy: 1e-6)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
