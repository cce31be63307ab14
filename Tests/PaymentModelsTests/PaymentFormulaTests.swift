import PaymentModels
import XCTest

/// Each model's yearly payment on activity figures worked by hand.
final class PaymentFormulaTests: XCTestCase {
    // Two services: 100 units at £50 and 20 units at £1,000; plan 90 and 25.
    let prices = [50.0, 1000.0]
    let activity = [100.0, 20.0]
    let plan = [90.0, 25.0]

    func testActivityPaysPriceTimesActivityWithTheTariffAdjustment() {
        // 100·50 + 20·1000 = 25,000; × (1 − 0.02) = 24,500
        XCTAssertEqual(PaymentFormulas.activity(prices: prices, activity: activity, tariffAdjustment: 0), 25_000, accuracy: 1e-9)
        XCTAssertEqual(PaymentFormulas.activity(prices: prices, activity: activity, tariffAdjustment: -0.02), 24_500, accuracy: 1e-9)
    }

    func testBlockIsTheAmountIndexedPerYear() {
        XCTAssertEqual(PaymentFormulas.indexed([1_000_000], indexation: 0.02, year: 0), 1_000_000)
        // 1,000,000 × 1.02² = 1,040,400
        XCTAssertEqual(PaymentFormulas.indexed([1_000_000], indexation: 0.02, year: 2), 1_040_400, accuracy: 1e-6)
        XCTAssertEqual(PaymentFormulas.indexed([5, 6, 7], indexation: 0, year: 1), 6)
    }

    func testBlendedPaysTheFixedElementThenMarginalRatesAboveAndBelowPlan() {
        // fixed = 90·50 + 25·1000 = 29,500; service 1 is 10 above plan: +0.25·50·10 = +125;
        // service 2 is 5 below plan: −0.5·1000·5 = −2,500. Outcome share 10% = 2,950 at risk.
        let rates = BlendedRates(above: 0.25, below: 0.5, outcomeShare: 0.1)
        let met = PaymentFormulas.blended(prices: prices, plan: plan, activity: activity, terms: rates, targetMet: true)
        let missed = PaymentFormulas.blended(prices: prices, plan: plan, activity: activity, terms: rates, targetMet: false)
        XCTAssertEqual(met, 29_500 + 125 - 2_500, accuracy: 1e-9)
        XCTAssertEqual(missed, 29_500 - 2_950 + 125 - 2_500, accuracy: 1e-9)
        // 20 admissions against a plan of 25 is a 20% reduction: a 20% target is met, 21% is not.
        XCTAssertTrue(PaymentFormulas.targetMet(activity: 20, plan: 25, reduction: 0.2))
        XCTAssertFalse(PaymentFormulas.targetMet(activity: 20, plan: 25, reduction: 0.21))
    }

    func testCapitationIsRateTimesWeightedPopulation() {
        // 10,000 people at weight 1 and 2,000 at weight 3 = 16,000 weighted; £250 × 1.03 in year 1
        XCTAssertEqual(PaymentFormulas.capitation(rate: 250, indexation: 0.03, year: 1, weightedPopulation: 16_000), 250 * 1.03 * 16_000, accuracy: 1e-6)
    }

    func testCohortBudgetSharesGainsAndLossesUpToTheCaps() {
        func pay(_ spend: Double) -> Double {
            PaymentFormulas.cohortBudget(budget: 1_000, spend: spend, gainShare: 0.5, gainCap: 100, lossShare: 0.4, lossCap: 60)
        }
        XCTAssertEqual(pay(1_000), 1_000)                       // on budget: paid the spend
        XCTAssertEqual(pay(900), 900 + 50, accuracy: 1e-12)    // 100 under: provider keeps half
        XCTAssertEqual(pay(800), 800 + 100, accuracy: 1e-12)   // 200 under: half is exactly the cap
        XCTAssertEqual(pay(500), 500 + 100, accuracy: 1e-12)   // beyond the cap: capped at 100
        XCTAssertEqual(pay(1_100), 1_100 - 40, accuracy: 1e-12)  // 100 over: provider bears 40%
        XCTAssertEqual(pay(1_150), 1_150 - 60, accuracy: 1e-12)  // 150 over: 40% is exactly the floor
        XCTAssertEqual(pay(2_000), 2_000 - 60, accuracy: 1e-12)  // beyond: the provider's loss stops at 60
    }

    func testProviderCostIsFixedPlusVariableTimesActivity() {
        // 10,000 + 100·20 + 20·600 = 24,000
        XCTAssertEqual(PaymentFormulas.providerCost(fixed: 10_000, variable: [20, 600], activity: activity), 24_000, accuracy: 1e-9)
    }
}
