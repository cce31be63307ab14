@testable import Charts
import XCTest

/// The numbers drawn can be read back: data attributes hold the values, and coordinates mapped
/// back through the plot's scale give them to within the 0.01 px rounding of coordinates.
final class ChartTests: XCTestCase {
    func testBarsAndWhiskersSitAtTheirValues() throws {
        let chart = BarChart(
            frame: ChartFrame(title: "Gains & losses <by group>"), categories: ["Q1", "Q2"], categoryAxis: "group",
            valueAxis: Axis("QALYs", includesZero: true),
            series: [.init(name: "A", colour: Palette.colour(1), bars: [.init(120, low: 80, high: 160), .init(-40, low: -70, high: -10)]),
                     .init(name: "B \"quoted\"", colour: Palette.colour(2), bars: [.init(30), .init(55)])],
            description: "test")
        let svg = chart.svg(id: "bars")
        XCTAssertTrue(svg.contains("Gains &amp; losses &lt;by group&gt;"))
        let reader = SVGReader(text: svg)
        let bars = reader.elements("rect", className: "bar")
        XCTAssertEqual(bars.count, 4)
        let scale = try XCTUnwrap(reader.scale("y"))
        XCTAssertLessThanOrEqual(scale.lower, -70)
        XCTAssertGreaterThanOrEqual(scale.upper, 160)
        for bar in bars {
            let value = try XCTUnwrap(Double(bar["data-value"] ?? ""))
            let y = try XCTUnwrap(Double(bar["y"] ?? "")), height = try XCTUnwrap(Double(bar["height"] ?? ""))
            // A positive bar's top is its value; a negative bar's bottom is.
            let end = value >= 0 ? y : y + height
            XCTAssertEqual(try XCTUnwrap(reader.value(ofPixel: end, axis: "y")), value, accuracy: 0.02 * (scale.upper - scale.lower) / abs(scale.start - scale.end) + 1e-9)
            let zero = value >= 0 ? y + height : y
            XCTAssertEqual(try XCTUnwrap(reader.value(ofPixel: zero, axis: "y")), 0, accuracy: 0.5)
        }
        XCTAssertEqual(bars.first { $0["data-series"] == "A" && $0["data-category"] == "Q2" }?["data-low"], "-70.0")
        XCTAssertEqual(bars.filter { $0["data-series"] == "B \"quoted\"" }.count, 2)
        XCTAssertEqual(reader.elements("line", className: "whisker").count, 2)
    }

    func testScatterPointsAndQuadrants() throws {
        let xs = [-5.0, 10, 25], ys = [0.002, -0.001, 0.004]
        let chart = ScatterChart(
            frame: ChartFrame(title: "plane"), xAxis: Axis("health"), yAxis: Axis("equity"),
            series: [.init(name: "A", colour: Palette.colour(1), xs: xs, ys: ys)],
            quadrants: .init(topLeft: "TL", topRight: "win–win", bottomLeft: "BL", bottomRight: "BR"), description: "test")
        let reader = SVGReader(text: chart.svg(id: "plane"))
        let points = reader.elements("circle", className: "point")
        XCTAssertEqual(points.count, 3)
        let xScale = try XCTUnwrap(reader.scale("x")), yScale = try XCTUnwrap(reader.scale("y"))
        for (i, point) in points.enumerated() {
            XCTAssertEqual(Double(point["data-x"]!), xs[i])
            XCTAssertEqual(Double(point["data-y"]!), ys[i])
            XCTAssertEqual(reader.value(ofPixel: Double(point["cx"]!)!, axis: "x")!, xs[i], accuracy: 0.006 * (xScale.upper - xScale.lower) / abs(xScale.end - xScale.start) * 2)
            XCTAssertEqual(reader.value(ofPixel: Double(point["cy"]!)!, axis: "y")!, ys[i], accuracy: 0.006 * (yScale.upper - yScale.lower) / abs(yScale.end - yScale.start) * 2)
        }
        let mean = try XCTUnwrap(reader.elements("circle", className: "mean").first)
        XCTAssertEqual(Double(mean["data-x"]!)!, 10, accuracy: 1e-12)
        XCTAssertEqual(reader.elements("line", className: "zero").count, 2)
        XCTAssertEqual(reader.elements("text", className: "quadrant").count, 4)
    }

    func testLinePointsAndSteps() throws {
        let chart = LineChart(
            frame: ChartFrame(title: "lines"), xAxis: Axis("year"), yAxis: Axis("units", includesZero: true),
            series: [.init(name: "demand", colour: Palette.colour(0), xs: [0, 1, 2], ys: [100, 120, 90]),
                     .init(name: "capacity", colour: Palette.colour(0), xs: [0, 1, 2], ys: [110, 110, 95], dashed: true, interpolation: .step)],
            references: [.init(.horizontal, at: 105, label: "target")], description: "test")
        let svg = chart.svg(id: "lines")
        let reader = SVGReader(text: svg)
        let lines = reader.elements("path", className: "line")
        XCTAssertEqual(lines.map { $0["data-points"] }, ["0.0,100.0 1.0,120.0 2.0,90.0", "0.0,110.0 1.0,110.0 2.0,95.0"])
        // Each vertex of the path, mapped back through the scales, is a data point.
        let path = try XCTUnwrap(lines[0]["d"])
        let numbers = path.split(whereSeparator: { "ML, H".contains($0) }).compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 6)
        for (i, expected) in [(0.0, 100.0), (1, 120), (2, 90)].enumerated() {
            XCTAssertEqual(reader.value(ofPixel: numbers[2 * i], axis: "x")!, expected.0, accuracy: 0.001)
            XCTAssertEqual(reader.value(ofPixel: numbers[2 * i + 1], axis: "y")!, expected.1, accuracy: 0.05)
        }
        XCTAssertTrue(lines[1]["d"]!.contains(" H"), "a step series moves across before it moves up or down")
        XCTAssertEqual(lines[1]["stroke-dasharray"], "6 4")
        XCTAssertEqual(reader.elements("line", className: "reference").count, 1)
    }

    func testFrontierStyleSeriesHasMarkersAndLabels() {
        let chart = LineChart(
            frame: ChartFrame(title: "frontier"), xAxis: Axis("total health", unit: "QALYs"), yAxis: Axis("gap"),
            series: [.init(name: "frontier", colour: Palette.colour(0), xs: [100, 150, 180], ys: [3.0, 2.5, 2.4],
                           interpolation: .step, markers: true, pointLabels: ["gap ≤ 3", "gap ≤ 2.5", "A & B"])],
            description: "test")
        let reader = SVGReader(text: chart.svg(id: "frontier"))
        XCTAssertEqual(reader.elements("circle", className: "marker").count, 3)
        XCTAssertEqual(reader.elements("text", className: "point-label").count, 3)
        XCTAssertTrue(chart.svg(id: "frontier").contains(">A &amp; B</text>"))
    }
}
