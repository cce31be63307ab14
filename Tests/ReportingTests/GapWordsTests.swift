@testable import Reporting
import XCTest

/// The gap in units a board reads, on numbers worked by hand.
final class GapWordsTests: XCTestCase {
    /// Health as a life expectancy with today's gap 11.87 years: −0.005 years is 0.005 × 365.25 =
    /// 1.826 days, and 0.005 / 11.87 = 0.0421% of the gap; 0.3 years is 109.6 days, shown in
    /// months: 109.575 / 30.4375 = 3.6.
    func testExpectancyInDaysMonthsAndShareOfTodaysGap() {
        let words = GapWords(isExpectancy: true, today: 11.87, horizon: 10)
        XCTAssertEqual(words.columnHeading, "Δgap (days)")
        XCTAssertEqual(words.cell(-0.005), "−1.83")
        XCTAssertEqual(words.sentence(-0.005), "1.83 days of healthy life per person, 0.042% of today's 11.9-year gap")
        XCTAssertEqual(words.sentence(0.3), "3.6 months of healthy life per person, 2.5% of today's 11.9-year gap")
    }

    /// Without baseline_health, health is discounted QALYs per person: 0.00412 of a 0.515 gap is 0.80%.
    func testQALYsPerPersonWithoutExpectancy() {
        let words = GapWords(isExpectancy: false, today: 0.515, horizon: 10)
        XCTAssertEqual(words.columnHeading, "Δgap (QALYs per person)")
        XCTAssertEqual(words.cell(-0.00412), "−0.00412")
        XCTAssertEqual(words.sentence(0.00412), "0.00412 QALYs per person over 10 years, 0.80% of today's gap of 0.515 QALYs per person")
        XCTAssertNil(GapWords(isExpectancy: true, today: 0, horizon: 10).share(0.1), "no share of a gap that is not there")
    }
}
