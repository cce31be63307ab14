/// Clouds of points, one cloud per series, with optional quadrant lines at zero and a label in
/// each quadrant: the equity–efficiency impact plane draws each option's Monte Carlo draws
/// this way (MODEL.md §4).
///
/// Every point is a `<circle class="point">` carrying `data-series`, `data-x` and `data-y`; each
/// series' mean is a larger `<circle class="mean">`.
public struct ScatterChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var colour: String
        public var xs: [Double]
        public var ys: [Double]

        public init(name: String, colour: String, xs: [Double], ys: [Double]) {
            precondition(xs.count == ys.count, "a scatter series needs as many x as y values")
            self.name = name
            self.colour = colour
            self.xs = xs
            self.ys = ys
        }
    }

    /// Text for each quadrant, written in its outer corner.
    public struct QuadrantLabels: Sendable {
        public var topLeft: String, topRight: String, bottomLeft: String, bottomRight: String

        public init(topLeft: String, topRight: String, bottomLeft: String, bottomRight: String) {
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
        }
    }

    public var frame: ChartFrame
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series]
    /// With labels, both axes include 0 and the zero lines divide the plot into quadrants.
    public var quadrants: QuadrantLabels?
    public var description: String

    public init(frame: ChartFrame, xAxis: Axis, yAxis: Axis, series: [Series], quadrants: QuadrantLabels? = nil, description: String) {
        self.frame = frame
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.quadrants = quadrants
        self.description = description
    }

    public func svg(id: String) -> String {
        let legend = series.map { ChartFrame.LegendEntry(label: $0.name, colour: $0.colour) }
        var (canvas, area) = frame.startCanvas(legend: legend)
        let xDomain = LinearScale.niceDomain(series.flatMap(\.xs), includingZero: quadrants != nil || xAxis.includesZero, count: 6)
        let yDomain = LinearScale.niceDomain(series.flatMap(\.ys), includingZero: quadrants != nil || yAxis.includesZero)
        let x = LinearScale(lower: xDomain.lower, upper: xDomain.upper, start: area.left, end: area.right)
        let y = LinearScale(lower: yDomain.lower, upper: yDomain.upper, start: area.bottom, end: area.top)
        frame.drawYAxis(on: &canvas, axis: yAxis, scale: y, area: area)
        frame.drawXAxis(on: &canvas, axis: xAxis, scale: x, area: area)

        canvas.open("g", ChartFrame.scaleAttributes(x: x, y: y))
        if let quadrants {
            canvas.line(x1: x(0), y1: area.top, x2: x(0), y2: area.bottom, stroke: Palette.axis, width: 1.2, className: "zero")
            canvas.line(x1: area.left, y1: y(0), x2: area.right, y2: y(0), stroke: Palette.axis, width: 1.2, className: "zero")
            let labels = [(quadrants.topLeft, area.left + 6, area.top + 16, "start"), (quadrants.topRight, area.right - 6, area.top + 16, "end"),
                          (quadrants.bottomLeft, area.left + 6, area.bottom - 8, "start"), (quadrants.bottomRight, area.right - 6, area.bottom - 8, "end")]
            for (text, lx, ly, anchor) in labels {
                canvas.text(text, x: lx, y: ly, anchor: anchor, size: 12, weight: "bold", fill: "#666", className: "quadrant")
            }
        }
        for entry in series {
            canvas.open("g", [("class", "series"), ("data-series", entry.name), ("fill", entry.colour), ("fill-opacity", "0.35")])
            for (px, py) in zip(entry.xs, entry.ys) {
                canvas.element("circle", [("class", "point"), ("data-x", SVGCanvas.value(px)), ("data-y", SVGCanvas.value(py)),
                                          ("cx", SVGCanvas.number(x(px))), ("cy", SVGCanvas.number(y(py))), ("r", "2.4")])
            }
            canvas.close()
        }
        for entry in series where !entry.xs.isEmpty {
            let mx = entry.xs.reduce(0, +) / Double(entry.xs.count), my = entry.ys.reduce(0, +) / Double(entry.ys.count)
            canvas.element("circle", [("class", "mean"), ("data-series", entry.name), ("data-x", SVGCanvas.value(mx)), ("data-y", SVGCanvas.value(my)),
                                      ("cx", SVGCanvas.number(x(mx))), ("cy", SVGCanvas.number(y(my))), ("r", "6"),
                                      ("fill", entry.colour), ("stroke", "#ffffff"), ("stroke-width", "2")])
        }
        canvas.close()
        return canvas.document(title: frame.title, description: description, id: id)
    }
}
