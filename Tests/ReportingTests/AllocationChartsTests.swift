import Charts
@testable import Reporting
import DrawStatistics
import RunAnalysis
import XCTest

/// The optimise and frontier charts carry exactly the numbers they are given, in the order the
/// report's reader needs them.
final class AllocationChartsTests: XCTestCase {
    /// A frontier swept from the unconstrained gap 3.0 down to 1.0: the price of equity is 0 at
    /// the open end (the limit does not bind), 10 per unit, then 25 (more than double: steep).
    let points = [
        AllocationCharts.FrontierPoint(gap: 3.0, totalHealth: 100, shadowPrice: 0, steep: false),
        AllocationCharts.FrontierPoint(gap: 2.0, totalHealth: 90, shadowPrice: 10, steep: false),
        AllocationCharts.FrontierPoint(gap: 1.0, totalHealth: 65, shadowPrice: 25, steep: true),
    ]

    func testFrontierChartLabelsTheEndsAndRingsTheSteepPoint() {
        let axis = AllocationCharts.gapAxis(first: "Q1", last: "Q5", baselineHealth: true)
        XCTAssertEqual(axis.title, "health gap, Q5 − Q1 (years of health)")
        let chart = AllocationCharts.frontier(points, gapAxis: axis)
        XCTAssertEqual(chart.fileName, "chart-frontier.svg")
        XCTAssertTrue(chart.svg.contains("data-series=\"frontier\" data-points=\"3.0,100.0 2.0,90.0 1.0,65.0\""))
        XCTAssertTrue(chart.svg.contains("class=\"points\" data-series=\"price of equity more than doubles\" data-points=\"1.0,65.0\""))
        XCTAssertTrue(chart.svg.contains(">most total health</text>"))
        XCTAssertTrue(chart.svg.contains(">smallest gap</text>"))
        XCTAssertTrue(chart.svg.contains("years of health"))

        let calm = points.map { AllocationCharts.FrontierPoint(gap: $0.gap, totalHealth: $0.totalHealth, shadowPrice: $0.shadowPrice, steep: false) }
        XCTAssertFalse(AllocationCharts.frontier(calm, gapAxis: axis).svg.contains("class=\"points\""), "no rings without steep points")
    }

    func testPriceOfEquityStepsFromTheSmallestGapUp() {
        let chart = AllocationCharts.priceOfEquity(points, gapAxis: AllocationCharts.gapAxis(first: "Q1", last: "Q5", baselineHealth: false))
        // Sorted by gap, so each price holds from its gap to the next larger one; per day of gap
        // (a year of gap is 365.25 days): 25 and 10 QALYs per year of gap.
        XCTAssertTrue(chart.svg.contains("data-points=\"1.0,\(25 / 365.25) 2.0,\(10 / 365.25) 3.0,0.0\""), chart.svg)
        XCTAssertTrue(chart.svg.contains("QALYs per person"))
        XCTAssertTrue(chart.svg.contains(" H"), "drawn as steps")
    }

    func testBudgetChangesAndGainsCarryTheirValues() {
        let changes = AllocationCharts.budgetChanges(lines: ["gp", "admissions"], changes: [1_500_000, -1_500_000])
        XCTAssertTrue(changes.svg.contains("data-category=\"gp\" data-value=\"1500000.0\""))
        XCTAssertTrue(changes.svg.contains("data-category=\"admissions\" data-value=\"-1500000.0\""))

        let simulated = [Interval(mean: 4, low: 1, high: 7), Interval(mean: -2, low: -5, high: 1)]
        let gains = AllocationCharts.predictedAndSimulated(groups: ["Q1", "Q2"], predicted: [5, -1], simulated: simulated, draws: 40)
        XCTAssertTrue(gains.svg.contains("data-series=\"LP prediction\" data-category=\"Q2\" data-value=\"-1.0\""))
        XCTAssertTrue(gains.svg.contains("data-series=\"re-simulation (95% interval)\" data-category=\"Q1\" data-value=\"4.0\" data-low=\"1.0\" data-high=\"7.0\""))
        XCTAssertEqual(gains.svg.components(separatedBy: "class=\"whisker\"").count - 1, 2, "whiskers on the simulated bars only")
        let one = AllocationCharts.predictedAndSimulated(groups: ["Q1", "Q2"], predicted: [5, -1], simulated: simulated, draws: 1)
        XCTAssertFalse(one.svg.contains("class=\"whisker\""), "one draw has no interval")
    }
}
