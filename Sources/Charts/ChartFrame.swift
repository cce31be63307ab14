/// The parts every chart shares: the canvas size, the title, the legend and the plot area with
/// its axes, ticks and grid.
///
/// Layout, top to bottom: title, legend rows, plot, x-axis label. The plot area carries its
/// scales as `data-x-domain`/`data-y-domain` (data values) and `data-x-range`/`data-y-range`
/// (pixels), so a reader of the SVG can map any coordinate back to a data value.
public struct ChartFrame: Sendable {
    public var width: Double
    public var height: Double
    public var title: String

    public init(title: String, width: Double = 720, height: Double = 420) {
        self.title = title
        self.width = width
        self.height = height
    }

    /// One entry of the legend: a colour swatch (solid or dashed line, or a filled square).
    public struct LegendEntry: Sendable {
        public var label: String
        public var colour: String
        public var dashed: Bool
        /// A ring instead of a line (a series drawn as circled points).
        public var ring: Bool

        public init(label: String, colour: String, dashed: Bool = false, ring: Bool = false) {
            self.label = label
            self.colour = colour
            self.dashed = dashed
            self.ring = ring
        }
    }

    static let leftMargin = 78.0, rightMargin = 24.0, titleHeight = 30.0, legendRowHeight = 18.0, bottomMargin = 58.0

    /// Lays out legend entries left to right, wrapping at the canvas width (about 6.5 px per
    /// character at 12 px). Returns the x, row of each entry and the number of rows.
    func legendLayout(_ entries: [LegendEntry]) -> (positions: [(x: Double, row: Int)], rows: Int) {
        var x = Self.leftMargin, row = 0
        var positions: [(x: Double, row: Int)] = []
        for entry in entries {
            let entryWidth = 28 + Double(entry.label.count) * 6.5 + 18
            if x + entryWidth > width - Self.rightMargin, x > Self.leftMargin {
                row += 1
                x = Self.leftMargin
            }
            positions.append((x, row))
            x += entryWidth
        }
        return (positions, entries.isEmpty ? 0 : row + 1)
    }

    /// The plot rectangle once the title and `legendRows` rows of legend are placed.
    func plotArea(legendRows: Int) -> (left: Double, top: Double, right: Double, bottom: Double) {
        let top = Self.titleHeight + Double(legendRows) * Self.legendRowHeight + 12
        return (Self.leftMargin, top, width - Self.rightMargin, height - Self.bottomMargin)
    }

    /// A canvas of the frame's size with the title and `legend` drawn, and the plot rectangle
    /// left under them: how every chart starts.
    func startCanvas(legend: [LegendEntry]) -> (canvas: SVGCanvas, area: (left: Double, top: Double, right: Double, bottom: Double)) {
        var canvas = SVGCanvas(width: width, height: height)
        drawHeader(on: &canvas, legend: legend)
        return (canvas, plotArea(legendRows: legendLayout(legend).rows))
    }

    /// Draws the title and the legend.
    func drawHeader(on canvas: inout SVGCanvas, legend: [LegendEntry]) {
        canvas.text(title, x: Self.leftMargin, y: 20, size: 15, weight: "bold", className: "chart-title")
        let layout = legendLayout(legend)
        canvas.open("g", [("class", "legend")])
        for (entry, position) in zip(legend, layout.positions) {
            let y = Self.titleHeight + Double(position.row) * Self.legendRowHeight + 6
            if entry.ring {
                canvas.element("circle", [("cx", SVGCanvas.number(position.x + 11)), ("cy", SVGCanvas.number(y)), ("r", "6"),
                                          ("fill", "none"), ("stroke", entry.colour), ("stroke-width", "2.2")])
            } else {
                canvas.line(x1: position.x, y1: y, x2: position.x + 22, y2: y, stroke: entry.colour, width: entry.dashed ? 2 : 4,
                            dash: entry.dashed ? "5 3" : nil)
            }
            canvas.text(entry.label, x: position.x + 28, y: y + 4, size: 12)
        }
        canvas.close()
    }

    /// Draws the y axis (ticks, grid lines, labels, title) of a plot area.
    func drawYAxis(on canvas: inout SVGCanvas, axis: Axis, scale: LinearScale, area: (left: Double, top: Double, right: Double, bottom: Double)) {
        let ticks = LinearScale.ticks(lower: scale.lower, upper: scale.upper, minimumStep: axis.minimumStep)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : (scale.upper - scale.lower)
        canvas.open("g", [("class", "y-axis")])
        for tick in ticks {
            let y = scale(tick)
            canvas.line(x1: area.left, y1: y, x2: area.right, y2: y, stroke: Palette.grid)
            canvas.line(x1: area.left - 5, y1: y, x2: area.left, y2: y, stroke: Palette.axis)
            canvas.text(axis.format.label(tick, step: step), x: area.left - 8, y: y + 4, anchor: "end", size: 11, className: "tick")
        }
        canvas.line(x1: area.left, y1: area.top, x2: area.left, y2: area.bottom, stroke: Palette.axis)
        let middle = (area.top + area.bottom) / 2
        canvas.text(axis.title, x: 16, y: middle, anchor: "middle", size: 12, rotate: -90, className: "axis-title")
        canvas.close()
    }

    /// Draws a numeric x axis.
    func drawXAxis(on canvas: inout SVGCanvas, axis: Axis, scale: LinearScale, area: (left: Double, top: Double, right: Double, bottom: Double)) {
        let ticks = LinearScale.ticks(lower: scale.lower, upper: scale.upper, count: 6, minimumStep: axis.minimumStep)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : (scale.upper - scale.lower)
        canvas.open("g", [("class", "x-axis")])
        for tick in ticks {
            let x = scale(tick)
            canvas.line(x1: x, y1: area.top, x2: x, y2: area.bottom, stroke: Palette.grid)
            canvas.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + 5, stroke: Palette.axis)
            canvas.text(axis.format.label(tick, step: step), x: x, y: area.bottom + 18, anchor: "middle", size: 11, className: "tick")
        }
        canvas.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: Palette.axis)
        canvas.text(axis.title, x: (area.left + area.right) / 2, y: height - 14, anchor: "middle", size: 12, className: "axis-title")
        canvas.close()
    }

    /// The attributes that let a reader map pixels back to data.
    static func scaleAttributes(x: LinearScale?, y: LinearScale) -> [(String, String)] {
        var attributes: [(String, String)] = [("class", "plot")]
        if let x {
            attributes += [("data-x-domain", "\(SVGCanvas.value(x.lower)) \(SVGCanvas.value(x.upper))"),
                           ("data-x-range", "\(SVGCanvas.number(x.start)) \(SVGCanvas.number(x.end))")]
        }
        attributes += [("data-y-domain", "\(SVGCanvas.value(y.lower)) \(SVGCanvas.value(y.upper))"),
                       ("data-y-range", "\(SVGCanvas.number(y.start)) \(SVGCanvas.number(y.end))")]
        return attributes
    }
}
