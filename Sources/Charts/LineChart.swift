/// Lines over a numeric x axis: acceptability curves, yearly series, cumulative balances and
/// frontiers. A series is drawn straight between points or as steps; reference lines mark a
/// value on either axis (a threshold, zero, a target).
///
/// Every series is a `<path class="line">` carrying `data-series` and `data-points`
/// (`x,y` pairs in full precision); points may also be marked with `<circle class="marker">`. A
/// series that is not ``Series/connected`` (points singled out on another line, such as where a
/// frontier gets steeply dearer) is a `<g class="points">` with the same attributes, holding rings.
public struct LineChart: Sendable {
    public enum Interpolation: Sendable {
        /// Straight segments between points.
        case linear
        /// Flat from each point to the next x, then vertical (a value that holds until it changes).
        case step
    }

    public struct Series: Sendable {
        public var name: String
        public var colour: String
        public var xs: [Double]
        public var ys: [Double]
        public var dashed: Bool
        public var interpolation: Interpolation
        /// Draw a dot at each point (useful when there are few points, as on a frontier).
        public var markers: Bool
        /// Text beside each point (e.g. the allocation or gap limit a frontier point stands for);
        /// empty for none, else one per point.
        public var pointLabels: [String]
        /// Joined by a line; when false each point is drawn as a ring only, so it can circle
        /// points of another series without hiding them.
        public var connected: Bool

        public init(name: String, colour: String, xs: [Double], ys: [Double], dashed: Bool = false,
                    interpolation: Interpolation = .linear, markers: Bool = false, pointLabels: [String] = [], connected: Bool = true) {
            precondition(xs.count == ys.count, "a line series needs as many x as y values")
            precondition(pointLabels.isEmpty || pointLabels.count == xs.count, "one label per point, or none")
            self.pointLabels = pointLabels
            self.name = name
            self.colour = colour
            self.xs = xs
            self.ys = ys
            self.dashed = dashed
            self.interpolation = interpolation
            self.markers = markers
            self.connected = connected
        }
    }

    /// A labelled straight line across the plot at a value of one axis.
    public struct ReferenceLine: Sendable {
        public enum Orientation: Sendable { case vertical, horizontal }
        public var orientation: Orientation
        public var value: Double
        public var label: String

        public init(_ orientation: Orientation, at value: Double, label: String) {
            self.orientation = orientation
            self.value = value
            self.label = label
        }
    }

    public var frame: ChartFrame
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series]
    public var references: [ReferenceLine]
    public var description: String

    public init(frame: ChartFrame, xAxis: Axis, yAxis: Axis, series: [Series], references: [ReferenceLine] = [], description: String) {
        self.frame = frame
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.references = references
        self.description = description
    }

    public func svg(id: String) -> String {
        let legend = series.map { ChartFrame.LegendEntry(label: $0.name, colour: $0.colour, dashed: $0.dashed, ring: !$0.connected) }
        var (canvas, area) = frame.startCanvas(legend: legend)
        let xValues = series.flatMap(\.xs) + references.filter { $0.orientation == .vertical }.map(\.value)
        let yValues = series.flatMap(\.ys) + references.filter { $0.orientation == .horizontal }.map(\.value)
        let xDomain = LinearScale.niceDomain(xValues, includingZero: xAxis.includesZero, count: 6)
        let yDomain = LinearScale.niceDomain(yValues, includingZero: yAxis.includesZero)
        let x = LinearScale(lower: xDomain.lower, upper: xDomain.upper, start: area.left, end: area.right)
        let y = LinearScale(lower: yDomain.lower, upper: yDomain.upper, start: area.bottom, end: area.top)
        frame.drawYAxis(on: &canvas, axis: yAxis, scale: y, area: area)
        frame.drawXAxis(on: &canvas, axis: xAxis, scale: x, area: area)

        canvas.open("g", ChartFrame.scaleAttributes(x: x, y: y))
        for reference in references {
            switch reference.orientation {
            case .vertical:
                let px = x(reference.value)
                canvas.line(x1: px, y1: area.top, x2: px, y2: area.bottom, stroke: Palette.axis, width: 1.2, dash: "2 3", className: "reference")
                canvas.text(reference.label, x: px + 4, y: area.top + 12, size: 11, fill: Palette.axis, className: "reference-label")
            case .horizontal:
                let py = y(reference.value)
                canvas.line(x1: area.left, y1: py, x2: area.right, y2: py, stroke: Palette.axis, width: 1.2, dash: "2 3", className: "reference")
                canvas.text(reference.label, x: area.right - 4, y: py - 4, anchor: "end", size: 11, fill: Palette.axis, className: "reference-label")
            }
        }
        for entry in series where !entry.xs.isEmpty && !entry.connected {
            canvas.open("g", [("class", "points"), ("data-series", entry.name), ("data-points", Self.dataPoints(entry))])
            for (px, py) in zip(entry.xs, entry.ys) {
                canvas.element("circle", [("class", "marker"), ("cx", SVGCanvas.number(x(px))), ("cy", SVGCanvas.number(y(py))),
                                          ("r", "7"), ("fill", "none"), ("stroke", entry.colour), ("stroke-width", "2.2")])
            }
            canvas.close()
        }
        for entry in series where !entry.xs.isEmpty && entry.connected {
            var path = "M\(SVGCanvas.number(x(entry.xs[0]))),\(SVGCanvas.number(y(entry.ys[0])))"
            for i in entry.xs.indices.dropFirst() {
                if entry.interpolation == .step { path += " H\(SVGCanvas.number(x(entry.xs[i])))" }
                path += " L\(SVGCanvas.number(x(entry.xs[i]))),\(SVGCanvas.number(y(entry.ys[i])))"
            }
            var attributes: [(String, String)] = [("class", "line"), ("data-series", entry.name), ("data-points", Self.dataPoints(entry)), ("d", path),
                                                  ("fill", "none"), ("stroke", entry.colour), ("stroke-width", "2.2")]
            if entry.dashed { attributes.append(("stroke-dasharray", "6 4")) }
            canvas.element("path", attributes)
            if entry.markers {
                for (px, py) in zip(entry.xs, entry.ys) {
                    canvas.element("circle", [("class", "marker"), ("cx", SVGCanvas.number(x(px))), ("cy", SVGCanvas.number(y(py))),
                                              ("r", "3.5"), ("fill", entry.colour)])
                }
            }
            for (i, label) in entry.pointLabels.enumerated() where !label.isEmpty {
                let place = Self.labelPlacement(entry, at: i, x: x, y: y, area: area)
                canvas.text(label, x: place.x, y: place.y, anchor: place.anchor, size: 11, fill: "#333", className: "point-label")
            }
        }
        canvas.close()
        return canvas.document(title: frame.title, description: description, id: id)
    }

    /// Where a point's label goes: towards the middle of the plot (so it is not cut off at an
    /// edge), above the point unless the line leaves the point upwards on that side, then below.
    static func labelPlacement(_ series: Series, at i: Int, x: LinearScale, y: LinearScale,
                               area: (left: Double, top: Double, right: Double, bottom: Double)) -> (x: Double, y: Double, anchor: String) {
        let px = x(series.xs[i]), py = y(series.ys[i])
        let rightward = px < (area.left + area.right) / 2
        let neighbours = [i - 1, i + 1].filter { series.xs.indices.contains($0) }
        let sameSide = neighbours.filter { rightward ? x(series.xs[$0]) > px : x(series.xs[$0]) < px }
        let lineGoesUp = sameSide.contains { y(series.ys[$0]) < py }
        return (rightward ? px + 6 : px - 6, lineGoesUp ? py + 16 : py - 6, rightward ? "start" : "end")
    }

    /// `x,y` pairs in full precision, for `data-points`.
    static func dataPoints(_ series: Series) -> String {
        zip(series.xs, series.ys).map { "\(SVGCanvas.value($0)),\(SVGCanvas.value($1))" }.joined(separator: " ")
    }
}
