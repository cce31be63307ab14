@testable import Charts
import XCTest

/// A waterfall's bars float from the running total: checked on numbers added by hand.
final class WaterfallChartTests: XCTestCase {
    func testChangesStartWhereThePreviousStepEndedAndTotalsStartAtZero() {
        let chart = WaterfallChart(
            frame: ChartFrame(title: "spend"),
            steps: [.init("today", 100, kind: .total), .init("less adjustment", -30, kind: .change),
                    .init("gain share", 12, kind: .change), .init("proposed", 82, kind: .total)],
            valueAxis: Axis("£"), description: "test")
        let spans = chart.spans
        XCTAssertEqual(spans.map(\.from), [0, 100, 70, 0])
        XCTAssertEqual(spans.map(\.to), [100, 70, 82, 82])
        let svg = chart.svg(id: "w")
        XCTAssertEqual(svg.components(separatedBy: "class=\"bar\"").count - 1, 4)
        XCTAssertTrue(svg.contains("data-from=\"70.0\" data-to=\"82.0\""), svg)
    }

    func testALineCarriesItsBandAsDataAndAShadedPath() {
        let chart = LineChart(
            frame: ChartFrame(title: "cash"), xAxis: Axis("year"), yAxis: Axis("£"),
            series: [LineChart.Series(name: "block", colour: "#000", xs: [0, 1], ys: [10, 11], band: .init(low: [9, 8], high: [12, 14]))],
            description: "test")
        let svg = chart.svg(id: "c")
        XCTAssertTrue(svg.contains("class=\"band\" data-series=\"block\" data-low=\"9.0 8.0\" data-high=\"12.0 14.0\""), svg)
    }
}
