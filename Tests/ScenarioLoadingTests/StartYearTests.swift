import Foundation
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// `start_year`: the financial year the horizon starts in (April to March, labelled `2026/27`).
final class StartYearTests: XCTestCase {
    func testTheCurrentFinancialYearStartsInApril() throws {
        let utc = { (text: String) in try XCTUnwrap(ISO8601DateFormatter().date(from: text)) }
        XCTAssertEqual(FinancialYear.current(now: try utc("2027-03-31T23:59:59Z")), 2026)
        XCTAssertEqual(FinancialYear.current(now: try utc("2027-04-01T00:00:00Z")), 2027)
        XCTAssertEqual(FinancialYear.current(now: try utc("2026-12-03T12:00:00Z")), 2026)
    }

    func testAGivenYearLabelsTheHorizonAndAMissingOneIsTheCurrentYear() throws {
        let given = try ScenarioFixtures.load(ScenarioFixtures.minimal.replacingOccurrences(of: "horizon: 3", with: "horizon: 3\nstart_year: 2030"))
        XCTAssertEqual(given.financialYears, ["2030/31", "2031/32", "2032/33"])
        let missing = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        XCTAssertEqual(missing.startYear, FinancialYear.current())
    }

    func testAYearOutOfRangeIsAPositionedError() {
        let text = ScenarioFixtures.minimal.replacingOccurrences(of: "horizon: 3", with: "horizon: 3\nstart_year: 26")
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:3:13: start_year: expected a whole number from 1900 to 2200, found 26",
        ])
    }
}
