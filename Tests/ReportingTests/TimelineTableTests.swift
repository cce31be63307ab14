import Reporting
import RunAnalysis
import WorkbenchTestSupport
import XCTest

/// The timeline's formats on the hand-worked scenario (TimelineTests): one draw, two years.
final class TimelineTableTests: XCTestCase {
    func table() async throws -> TimelineTable {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.handWorkedShift.replacingOccurrences(of: "horizon: 2\n", with: "horizon: 2\nstart_year: 2030\n"))
        return TimelineTable(try Timeline(scenario: scenario, table: try await EngineRuns.deterministic(scenario)))
    }

    func testCSVIsLongFormWithCalendarYears() async throws {
        let lines = try await table().csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "year,option,metric,mean,low,high")
        XCTAssertEqual(lines.count, 1 + 2 * 3)
        let first = lines[1].split(separator: ","), last = lines[6].split(separator: ",")
        XCTAssertEqual(first[0..<3], ["2030/31", "upstream", "qalys_gained"])
        for cell in first[3...] { XCTAssertEqual(Double(cell) ?? .nan, 2, accuracy: 1e-9) }
        XCTAssertEqual(last[0..<3], ["2031/32", "upstream", "net_monetary_benefit_gbp"])
        for cell in last[3...] { XCTAssertEqual(Double(cell) ?? .nan, 84_400, accuracy: 1e-6) }
    }

    /// One unit per money column: the NMB column reaches £84,400, so every cell is in £k.
    func testTextHasOneMoneyUnitPerColumnAndNoYearZero() async throws {
        let text = try await table().text
        XCTAssertTrue(text.contains("NMB @£20,000/QALY, £k (95% interval)"), text)
        XCTAssertTrue(text.contains("+42 (+42 to +42)"), text)
        XCTAssertTrue(text.contains("Δcost, £ (95% interval)"), text)
        XCTAssertTrue(text.contains("−3,000 (−3,000 to −3,000)"), text)
        XCTAssertTrue(text.contains("upstream pays back from 2030/31: its cumulative net monetary benefit at £20,000/QALY is positive from then on."), text)
        XCTAssertFalse(text.contains("year 0"))
    }

    func testMoneyScale() {
        XCTAssertEqual(Formatting.MoneyScale(largest: [999_499, -3]).unit, "£k")
        XCTAssertEqual(Formatting.MoneyScale(largest: [-999_500]).interval(-999_500, -1e6, 2e6), "−1.00 (−1.00 to +2.00)")
        XCTAssertEqual(Formatting.MoneyScale(largest: [150e6]).interval(12.34e6, 0, 150e6), "+12.3 (0.0 to +150.0)")
        XCTAssertEqual(Formatting.MoneyScale(largest: [9_999]).unit, "£")
    }
}

