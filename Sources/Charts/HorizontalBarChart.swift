/// Bars along a horizontal value axis, one row per category, for categories whose names are too
/// long to sit side by side under vertical bars (budget lines, services). Values may be signed:
/// bars grow right of zero for increases and left for decreases, and each bar's value
/// (unless 0) is written just right of the bar (of zero, for a decrease).
///
/// Every bar is a `<rect class="bar">` carrying `data-series`, `data-category`, `data-value` (and
/// `data-low`, `data-high` with an interval), as in ``BarChart``; the plot group carries
/// `data-x-domain` and `data-x-range`, so a reader can map a bar's ends back to values.
public struct HorizontalBarChart: Sendable {
    public var frame: ChartFrame
    /// Row labels, top to bottom.
    public var categories: [String]
    public var valueAxis: Axis
    public var series: [BarChart.Series]
    /// A sentence saying what the chart shows, for screen readers.
    public var description: String

    public init(frame: ChartFrame, categories: [String], valueAxis: Axis, series: [BarChart.Series], description: String) {
        self.frame = frame
        self.categories = categories
        self.valueAxis = valueAxis
        self.series = series
        self.description = description
    }

    /// A frame height that gives each row about `rowHeight` pixels (the header and axis need ~140).
    public static func height(rows: Int, series: Int = 1, rowHeight: Double = 30) -> Double {
        140 + Double(rows) * rowHeight * Double(max(series, 1)).squareRoot()
    }

    public func svg(id: String) -> String {
        let legend = series.count > 1 ? series.map { ChartFrame.LegendEntry(label: $0.name, colour: $0.colour) } : []
        var (canvas, base) = frame.startCanvas(legend: legend)
        // Room on the left for the longest row label (about 6.5 px per character at 12 px).
        let labelWidth = Double(categories.map(\.count).max() ?? 0) * 6.5 + 16
        let area = (left: min(max(ChartFrame.leftMargin, labelWidth), frame.width / 2), top: base.top, right: base.right - 44, bottom: base.bottom)
        let values = series.flatMap { $0.bars.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] } }
        let domain = LinearScale.niceDomain(values, includingZero: true, count: 6)
        let x = LinearScale(lower: domain.lower, upper: domain.upper, start: area.left, end: area.right)
        frame.drawXAxis(on: &canvas, axis: valueAxis, scale: x, area: area)
        let ticks = LinearScale.ticks(lower: x.lower, upper: x.upper, count: 6, minimumStep: valueAxis.minimumStep)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : (x.upper - x.lower)

        let rowHeight = (area.bottom - area.top) / Double(max(categories.count, 1))
        let barHeight = rowHeight * 0.7 / Double(max(series.count, 1))
        canvas.open("g", [("class", "plot"), ("data-x-domain", "\(SVGCanvas.value(x.lower)) \(SVGCanvas.value(x.upper))"),
                          ("data-x-range", "\(SVGCanvas.number(x.start)) \(SVGCanvas.number(x.end))")])
        for (c, category) in categories.enumerated() {
            let rowTop = area.top + Double(c) * rowHeight + rowHeight * 0.15
            for (s, entry) in series.enumerated() where c < entry.bars.count {
                let bar = entry.bars[c]
                let y = rowTop + Double(s) * barHeight
                let left = x(min(bar.value, 0)), right = x(max(bar.value, 0))
                var attributes: [(String, String)] = [
                    ("class", "bar"), ("data-series", entry.name), ("data-category", category), ("data-value", SVGCanvas.value(bar.value)),
                ]
                if let low = bar.low { attributes.append(("data-low", SVGCanvas.value(low))) }
                if let high = bar.high { attributes.append(("data-high", SVGCanvas.value(high))) }
                attributes += [("x", SVGCanvas.number(left)), ("y", SVGCanvas.number(y + 1)), ("width", SVGCanvas.number(max(right - left, 0))),
                               ("height", SVGCanvas.number(max(barHeight - 2, 1))), ("fill", entry.colour)]
                canvas.element("rect", attributes)
                let centre = y + barHeight / 2
                if let low = bar.low, let high = bar.high {
                    let cap = min(barHeight / 4, 6)
                    canvas.line(x1: x(low), y1: centre, x2: x(high), y2: centre, stroke: "#222", width: 1.2, className: "whisker")
                    canvas.line(x1: x(low), y1: centre - cap, x2: x(low), y2: centre + cap, stroke: "#222", width: 1.2)
                    canvas.line(x1: x(high), y1: centre - cap, x2: x(high), y2: centre + cap, stroke: "#222", width: 1.2)
                } else if abs(bar.value) > step * 1e-3 {
                    let text = (bar.value > 0 ? "+" : "") + valueAxis.format.label(bar.value, step: step / 10)
                    // A cut is labelled just right of zero, so its text never runs into the row labels.
                    canvas.text(text, x: right + 4, y: centre + 4, size: 11, className: "value-label")
                }
            }
            canvas.text(category, x: area.left - 8, y: area.top + (Double(c) + 0.5) * rowHeight + 4, anchor: "end", size: 12, className: "tick")
        }
        canvas.line(x1: x(0), y1: area.top, x2: x(0), y2: area.bottom, stroke: Palette.axis, width: 1.2, className: "zero")
        canvas.close()
        return canvas.document(title: frame.title, description: description, id: id)
    }
}
