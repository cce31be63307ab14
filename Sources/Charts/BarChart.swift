/// Grouped bars with interval whiskers: one group of bars per category (e.g. equity group),
/// one bar per series (e.g. option) in each group, each with an optional low–high interval.
///
/// Every bar is a `<rect class="bar">` carrying `data-series`, `data-category`, `data-value`,
/// `data-low` and `data-high`; the value axis always includes 0 so bar lengths compare.
public struct BarChart: Sendable {
    /// One bar: a value and, optionally, its interval.
    public struct Bar: Sendable {
        public var value: Double
        public var low: Double?
        public var high: Double?

        public init(_ value: Double, low: Double? = nil, high: Double? = nil) {
            self.value = value
            self.low = low
            self.high = high
        }
    }

    /// One series: a bar for every category, in category order.
    public struct Series: Sendable {
        public var name: String
        public var colour: String
        public var bars: [Bar]

        public init(name: String, colour: String, bars: [Bar]) {
            self.name = name
            self.colour = colour
            self.bars = bars
        }
    }

    public var frame: ChartFrame
    public var categories: [String]
    public var categoryAxis: String
    public var valueAxis: Axis
    public var series: [Series]
    /// A sentence saying what the chart shows, for screen readers.
    public var description: String

    public init(frame: ChartFrame, categories: [String], categoryAxis: String, valueAxis: Axis, series: [Series], description: String) {
        self.frame = frame
        self.categories = categories
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.series = series
        self.description = description
    }

    /// The chart as an SVG document whose root has `id`.
    public func svg(id: String) -> String {
        let legend = series.map { ChartFrame.LegendEntry(label: $0.name, colour: $0.colour) }
        var (canvas, area) = frame.startCanvas(legend: legend)
        let values = series.flatMap { $0.bars.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] } }
        let domain = LinearScale.niceDomain(values, includingZero: true)
        let y = LinearScale(lower: domain.lower, upper: domain.upper, start: area.bottom, end: area.top)
        frame.drawYAxis(on: &canvas, axis: valueAxis, scale: y, area: area)

        let groupWidth = (area.right - area.left) / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        canvas.open("g", ChartFrame.scaleAttributes(x: nil, y: y))
        for (c, category) in categories.enumerated() {
            let groupLeft = area.left + Double(c) * groupWidth + groupWidth * 0.1
            for (s, entry) in series.enumerated() where c < entry.bars.count {
                let bar = entry.bars[c]
                let x = groupLeft + Double(s) * barWidth
                let top = y(max(bar.value, 0)), bottom = y(min(bar.value, 0))
                var attributes: [(String, String)] = [
                    ("class", "bar"), ("data-series", entry.name), ("data-category", category), ("data-value", SVGCanvas.value(bar.value)),
                ]
                if let low = bar.low { attributes.append(("data-low", SVGCanvas.value(low))) }
                if let high = bar.high { attributes.append(("data-high", SVGCanvas.value(high))) }
                attributes += [("x", SVGCanvas.number(x + 1)), ("y", SVGCanvas.number(top)), ("width", SVGCanvas.number(max(barWidth - 2, 1))),
                               ("height", SVGCanvas.number(max(bottom - top, 0))), ("fill", entry.colour)]
                canvas.element("rect", attributes)
                if let low = bar.low, let high = bar.high {
                    let centre = x + barWidth / 2, cap = min(barWidth / 4, 6)
                    canvas.line(x1: centre, y1: y(low), x2: centre, y2: y(high), stroke: "#222", width: 1.2, className: "whisker")
                    canvas.line(x1: centre - cap, y1: y(low), x2: centre + cap, y2: y(low), stroke: "#222", width: 1.2)
                    canvas.line(x1: centre - cap, y1: y(high), x2: centre + cap, y2: y(high), stroke: "#222", width: 1.2)
                }
            }
            canvas.text(category, x: area.left + (Double(c) + 0.5) * groupWidth, y: area.bottom + 18, anchor: "middle", size: 12, className: "tick")
        }
        if domain.lower < 0 {
            canvas.line(x1: area.left, y1: y(0), x2: area.right, y2: y(0), stroke: Palette.axis, width: 1.2, className: "zero")
        }
        canvas.close()
        canvas.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: Palette.axis)
        canvas.text(categoryAxis, x: (area.left + area.right) / 2, y: frame.height - 14, anchor: "middle", size: 12, className: "axis-title")
        return canvas.document(title: frame.title, description: description, id: id)
    }
}
