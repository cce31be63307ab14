import MonteCarlo
import PaymentModels
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// An alliance of two members sharing a gain and a loss under capped cohort budgets, worked by
/// hand. One cohort of 1,000 people: the clinic (community trust) 0.5 × 1,000 = 500 units at
/// £100 = £50,000 a year; home care (council) 0.4 × 1,000 = 400 hours at £50 = £20,000. Activity
/// at price S = £70,000 a year.
final class AllianceMemberTests: XCTestCase {
    static func scenario() throws -> Scenario {
        try ScenarioFixtures.load("""
            name: alliance
            horizon: 2
            start_year: 2026
            discount: {costs: 0, health: 0}
            dimensions:
              imd: [Q1]
            cohorts:
              - {imd: Q1, population: 1000, utility: 0.8}
            services:
              clinic: {unit_cost: 100, budget: 10000000, base_rate: 0.5}
              home: {unit_cost: 50, budget: 10000000, base_rate: 0.4}
            contracts:
              gain:
                provider: Alliance
                services: [clinic, home]
                cost: {fixed_share: 0}
                budget: 80000
                members: &members
                  community:
                    services: [clinic]
                    cost: {fixed_share: 0.5}
                    gain_share: 0.6
                    loss_share: 0.5
                  council:
                    services: [home]
                    gain_share: 0.4
                    loss_share: 0.5
                models:
                  cohort-budget: {amount: 80000, gain: {share: 0.5, cap: 3000}}
              loss:
                provider: Alliance
                services: [clinic, home]
                cost: {fixed_share: 0}
                budget: 60000
                members: *members
                models:
                  cohort-budget: {amount: 60000, loss: {share: 0.5, cap: 4000}}
            """)
    }

    static func contracts() async throws -> [ContractResult] {
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0])
        return try await PaymentStudy(scenario: try scenario(), settings: settings, option: 0).run().contracts
    }

    func testMembersSplitACappedGainAndACappedLossByTheirShares() async throws {
        let contracts = try await Self.contracts()
        // Gain: budget 80,000 − 70,000 = 10,000; half is 5,000, capped at 3,000: payment 73,000.
        // Community: 50,000 + 0.6 × 3,000 = 51,800 against costs 0.5 × 50,000 + 50 × 500 = 50,000.
        // Council (the contract's cost, all variable): 20,000 + 0.4 × 3,000 = 21,200 against 20,000.
        // Commissioner: budget line 80,000 − 73,000 = 7,000.
        let gain = contracts[0].models[0]
        XCTAssertEqual(gain.payment.mean, 73_000, accuracy: 1e-9)
        XCTAssertEqual(gain.parties.map(\.name), ["commissioner", "Alliance", "community", "council"])
        XCTAssertEqual(gain.parties.map(\.income.mean), [80_000, 73_000, 51_800, 21_200], accuracy: 1e-9)
        XCTAssertEqual(gain.parties.map(\.cost.mean), [73_000, 70_000, 50_000, 20_000], accuracy: 1e-9)
        XCTAssertEqual(gain.parties.map(\.margin.mean), [7_000, 3_000, 1_800, 1_200], accuracy: 1e-9)
        XCTAssertEqual(gain.parties.map(\.expectedOverspend), [0, 0, 0, 0], accuracy: 1e-9)
        XCTAssertEqual(gain.triggers.map(\.name), ["spend above cohort budget", "gain cap binds", "payment above budget line"])
        XCTAssertEqual(gain.triggers.map(\.shareOfYears), [0, 1, 0])

        // Loss: 60,000 − 70,000 = −10,000; half is 5,000, capped at 4,000: payment 66,000. Each
        // member bears half the alliance's 4,000 shortfall against activity at price.
        let loss = contracts[1].models[0]
        XCTAssertEqual(loss.payment.mean, 66_000, accuracy: 1e-9)
        XCTAssertEqual(loss.parties.map(\.income.mean), [60_000, 66_000, 48_000, 18_000], accuracy: 1e-9)
        XCTAssertEqual(loss.parties.map(\.margin.mean), [-6_000, -4_000, -2_000, -2_000], accuracy: 1e-9)
        // the overspend each party bears: max(0, cost − income) every year
        XCTAssertEqual(loss.parties.map(\.expectedOverspend), [6_000, 4_000, 2_000, 2_000], accuracy: 1e-9)
        XCTAssertEqual(loss.parties.map(\.pLoss), [1, 1, 1, 1])
        XCTAssertEqual(loss.triggers.map(\.name), ["spend above cohort budget", "loss cap binds", "payment above budget line"])
        XCTAssertEqual(loss.triggers.map(\.shareOfYears), [1, 1, 1])
    }

    func testMembersSharesOfPreventionAddUpToTheAlliances() async throws {
        // Prevention removes 1% of both services: 5 clinic units and 4 home care hours, S falls by
        // 700 to 69,300. Gain: the capped 3,000 stays, so the payment falls 700 to 72,300; the
        // community trust loses 500 of income and saves 5 × 50 = 250 of cost: −250; the council
        // loses 200 and saves 200: 0. The alliance: −700 + 450 = −250.
        let gain = try await Self.contracts()[0].models[0]
        XCTAssertEqual(gain.parties.map(\.preventionMarginChange.mean), [700, -250, -250, 0], accuracy: 1e-9)
        XCTAssertEqual(gain.incentiveAlignment.mean, -250, accuracy: 1e-9)
    }
}

/// The cash view and the counting of triggers, on numbers small enough to count by hand.
final class CashAndTriggerTests: XCTestCase {
    func testFinancialYearsRunAprilToMarchAcrossCenturies() {
        XCTAssertEqual(FinancialYear.label(startYear: 2026, year: 0), "2026/27")
        XCTAssertEqual(FinancialYear.label(startYear: 2026, year: 9), "2035/36")
        XCTAssertEqual(FinancialYear.label(startYear: 1999, year: 0), "1999/00")
        XCTAssertEqual(FinancialYear.label(startYear: 2008, year: 1), "2009/10")
    }

    func testPercentilesAndTheWorstCaseOfOneToAHundred() {
        // Type 7 on 1…100: P(q) = 1 + 99q. P5 = 5.95, P95 = 95.05, P99 = 99.01, P1 = 1.99.
        let values = (1...100).map(Double.init).shuffled()
        let payment = CashSummary(values, worstShare: 0.01, adverse: .high)
        XCTAssertEqual([payment.mean, payment.p5, payment.p95, payment.worst], [50.5, 5.95, 95.05, 99.01], accuracy: 1e-9)
        let margin = CashSummary(values, worstShare: 0.01, adverse: .low)
        XCTAssertEqual(margin.worst, 1.99, accuracy: 1e-9)
        XCTAssertEqual(CashSummary(values, worstShare: 0.1, adverse: .high).worst, 90.1, accuracy: 1e-9)
    }

    /// A cohort budget of £1,000 a year on one service priced £1, gain and loss shares 0.5 capped
    /// at £40 and £30, four draws of two years with activity set by hand:
    ///
    ///     draw  year 0  year 1   triggered
    ///     0      900    1000     gain cap (50 > 40) in year 0
    ///     1     1100    1020     over budget both years; loss cap (50 > 30) in year 0 only (10 ≤ 30)
    ///     2      950    1200     year 0 gain 25 (no cap); year 1 over budget, loss cap (100 > 30)
    ///     3     1000    1000     nothing
    ///
    /// gain cap: 1 of 4 draws, 1 of 8 years; loss cap: 2 of 4 draws, 2 of 8 years; over the
    /// budget: 2 draws, 3 years; payment above the £1,000 budget line: 1,070, 1,010 and 1,170, the
    /// same 2 draws and 3 years.
    func testTriggersAreCountedOverDrawsAndYears() throws {
        let scenario = try ScenarioFixtures.load("""
            name: triggers
            horizon: 2
            dimensions:
              imd: [Q1]
            cohorts:
              - {imd: Q1, population: 1000, utility: 0.8}
            services:
              clinic: {unit_cost: 1, budget: 10000000, base_rate: 1}
            contracts:
              trust:
                provider: Trust
                services: [clinic]
                cost: {fixed: 0, variable: 1}
                budget: 1000
                models:
                  cohort-budget: {amount: 1000, gain: {share: 0.5, cap: 40}, loss: {share: 0.5, cap: 30}}
            """)
        let contract = scenario.contracts[0]
        let terms = ContractTerms(contract: contract, scenario: scenario, planActivity: [[1000, 1000]], planServiceActivity: [[1000, 1000]])
        let analysis = ContractAnalysis(terms: terms, streams: [0], weightings: [nil], discountRate: 0, years: ["a", "b"], worstShare: 0.01)
        let ledgers = [[900.0, 1000], [1100, 1020], [950, 1200], [1000, 1000]].map { activity in
            analysis.ledger(activity: [activity], demand: [activity.reduce(0, +)], serviceBudgets: [[0, 0]], populations: [nil])
        }
        let result = analysis.result(base: ledgers, prevented: ledgers, serviceNames: ["clinic"], cohortLabel: "all cohorts")
        let triggers = Dictionary(uniqueKeysWithValues: result.models[0].triggers.map { ($0.name, ($0.shareOfDraws, $0.shareOfYears)) })
        XCTAssertEqual(triggers["gain cap binds"]!.0, 1.0 / 4)
        XCTAssertEqual(triggers["gain cap binds"]!.1, 1.0 / 8)
        XCTAssertEqual(triggers["loss cap binds"]!.0, 2.0 / 4)
        XCTAssertEqual(triggers["loss cap binds"]!.1, 2.0 / 8)
        XCTAssertEqual(triggers["spend above cohort budget"]!.0, 2.0 / 4)
        XCTAssertEqual(triggers["spend above cohort budget"]!.1, 3.0 / 8)
        XCTAssertEqual(triggers["payment above budget line"]!.0, 2.0 / 4)
        XCTAssertEqual(triggers["payment above budget line"]!.1, 3.0 / 8)
        // the cash view of the same draws: year 0 payments 940, 1,070, 975, 1,000
        let year0 = result.models[0].cashByYear[0]
        XCTAssertEqual(year0.year, "a")
        XCTAssertEqual(year0.mean, (940 + 1_070 + 975 + 1_000) / 4, accuracy: 1e-9)
        // type 7 on the sorted 940, 975, 1,000, 1,070: P95 at position 2.85 = 1,000 + 0.85 × 70
        XCTAssertEqual(year0.p95, 1_059.5, accuracy: 1e-9)
        XCTAssertEqual(year0.worst, 1_000 + 0.97 * 70, accuracy: 1e-9)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
