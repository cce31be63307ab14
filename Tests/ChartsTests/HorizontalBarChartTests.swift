@testable import Charts
import XCTest

/// Signed horizontal bars and ringed points: every drawn number reads back through the plot's
/// scale to the value it was given.
final class HorizontalBarChartTests: XCTestCase {
    func testSignedBarsStartAtZeroAndEndAtTheirValues() throws {
        let changes = [2_500_000.0, -1_200_000, 0, 300_000]
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "changes", height: HorizontalBarChart.height(rows: 4)),
            categories: ["a_rather_long_line_name", "b", "c", "d"],
            valueAxis: Axis("change", unit: "£m a year", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6), includesZero: true),
            series: [.init(name: "change", colour: Palette.colour(0), bars: changes.map { BarChart.Bar($0) })], description: "test")
        let reader = SVGReader(text: chart.svg(id: "changes"))
        let bars = reader.elements("rect", className: "bar")
        XCTAssertEqual(bars.map { $0["data-category"] }, ["a_rather_long_line_name", "b", "c", "d"])
        let scale = try XCTUnwrap(reader.scale("x"))
        XCTAssertLessThanOrEqual(scale.lower, -1_200_000)
        XCTAssertGreaterThanOrEqual(scale.upper, 2_500_000)
        // The long label fits left of the plot: 23 characters × 6.5 px + 16 px.
        XCTAssertEqual(scale.start, 23 * 6.5 + 16, accuracy: 0.01)
        let perPixel = (scale.upper - scale.lower) / (scale.end - scale.start)
        for (bar, value) in zip(bars, changes) {
            XCTAssertEqual(Double(bar["data-value"]!), value)
            let left = Double(bar["x"]!)!, right = left + Double(bar["width"]!)!
            let (zeroEnd, valueEnd) = value >= 0 ? (left, right) : (right, left)
            XCTAssertEqual(reader.value(ofPixel: zeroEnd, axis: "x")!, 0, accuracy: perPixel * 0.011)
            XCTAssertEqual(reader.value(ofPixel: valueEnd, axis: "x")!, value, accuracy: perPixel * 0.011)
        }
        // Values are written beside the bars, signed; a zero change gets no label.
        let labels = chart.svg(id: "changes").components(separatedBy: "class=\"value-label\"").count - 1
        XCTAssertEqual(labels, 3)
        XCTAssertTrue(chart.svg(id: "changes").contains(">+£2.50m</text>"))
        XCTAssertTrue(chart.svg(id: "changes").contains(">−£1.20m</text>"))
    }

    func testUnconnectedSeriesIsRingsWithTheirPoints() {
        let chart = LineChart(
            frame: ChartFrame(title: "frontier"), xAxis: Axis("gap"), yAxis: Axis("health"),
            series: [.init(name: "frontier", colour: Palette.colour(0), xs: [3, 2, 1], ys: [100, 90, 60], markers: true,
                           pointLabels: ["most", "", "least"]),
                     .init(name: "steep", colour: Palette.colour(3), xs: [1], ys: [60], connected: false)],
            description: "test")
        let svg = chart.svg(id: "frontier")
        let reader = SVGReader(text: svg)
        XCTAssertEqual(reader.elements("path", className: "line").map { $0["data-series"] }, ["frontier"], "rings are not joined")
        let rings = reader.elements("g", className: "points")
        XCTAssertEqual(rings.map { $0["data-points"] }, ["1.0,60.0"])
        XCTAssertEqual(reader.elements("circle", className: "marker").filter { $0["fill"] == "none" }.count, 1)
        // Labels point into the plot: the right-hand point's label ends left of it.
        let labels = reader.elements("text", className: "point-label")
        XCTAssertEqual(labels.map { $0["text-anchor"] }, ["end", "start"])
    }
}
