/// A waterfall: a starting total, the changes that lead from it, and the total they end at, as
/// floating bars (each change starts where the previous one ended), e.g. the commissioner's
/// spend from today's payment model to a proposed one.
///
/// Every bar is a `<rect class="bar">` with `data-category`, `data-value` (the step's own
/// value: a total, or a signed change) and `data-from`/`data-to` (where it starts and ends).
public struct WaterfallChart: Sendable {
    public struct Step: Sendable {
        public enum Kind: Sendable {
            /// A level drawn from zero (the start or end).
            case total
            /// A change drawn from the running total.
            case change
        }

        public var label: String
        public var value: Double
        public var kind: Kind

        public init(_ label: String, _ value: Double, kind: Kind) {
            self.label = label
            self.value = value
            self.kind = kind
        }
    }

    public var frame: ChartFrame
    public var steps: [Step]
    public var valueAxis: Axis
    public var description: String

    /// With `valueAxis.includesZero` false the axis spans only the levels the steps pass through,
    /// so changes a hundredth of the total stay visible; totals are then drawn from the bottom of
    /// the plot, whose first tick says where the axis starts.
    public init(frame: ChartFrame, steps: [Step], valueAxis: Axis, description: String) {
        self.frame = frame
        self.steps = steps
        self.valueAxis = valueAxis
        self.description = description
    }

    /// Where each bar starts and ends: a total from 0 to its value; a change from the running
    /// total to the running total plus the change.
    public var spans: [(from: Double, to: Double)] {
        var running = 0.0
        return steps.map { step in
            switch step.kind {
            case .total:
                running = step.value
                return (0, step.value)
            case .change:
                defer { running += step.value }
                return (running, running + step.value)
            }
        }
    }

    public func svg(id: String) -> String {
        let legend = [
            ChartFrame.LegendEntry(label: "total", colour: Palette.colour(0)),
            ChartFrame.LegendEntry(label: "increase", colour: Palette.colour(5)),
            ChartFrame.LegendEntry(label: "decrease", colour: Palette.colour(2)),
        ]
        var (canvas, area) = frame.startCanvas(legend: legend)
        let spans = self.spans
        let levels = zip(steps, spans).flatMap { step, span in step.kind == .total ? [span.to] : [span.from, span.to] }
        let domain = LinearScale.niceDomain(levels, includingZero: valueAxis.includesZero)
        let y = LinearScale(lower: domain.lower, upper: domain.upper, start: area.bottom, end: area.top)
        frame.drawYAxis(on: &canvas, axis: valueAxis, scale: y, area: area)
        let width = (area.right - area.left) / Double(max(steps.count, 1))
        canvas.open("g", ChartFrame.scaleAttributes(x: nil, y: y))
        for (i, (step, span)) in zip(steps, spans).enumerated() {
            let colour = step.kind == .total ? Palette.colour(0) : (step.value >= 0 ? Palette.colour(5) : Palette.colour(2))
            let low = step.kind == .total ? max(domain.lower, min(0, span.to)) : min(span.from, span.to)
            let top = y(max(span.from, span.to)), bottom = y(low)
            canvas.element("rect", [
                ("class", "bar"), ("data-category", step.label), ("data-value", SVGCanvas.value(step.value)),
                ("data-from", SVGCanvas.value(span.from)), ("data-to", SVGCanvas.value(span.to)),
                ("x", SVGCanvas.number(area.left + Double(i) * width + width * 0.15)), ("y", SVGCanvas.number(top)),
                ("width", SVGCanvas.number(width * 0.7)), ("height", SVGCanvas.number(max(bottom - top, 1))), ("fill", colour),
            ])
            if i + 1 < steps.count {
                let level = y(span.to)
                canvas.line(x1: area.left + Double(i) * width + width * 0.85, y1: level, x2: area.left + Double(i + 1) * width + width * 0.15, y2: level,
                            stroke: Palette.axis, width: 1, dash: "2 2", className: "connector")
            }
            for (k, line) in Self.lines(step.label, width: width).enumerated() {
                canvas.text(line, x: area.left + (Double(i) + 0.5) * width, y: area.bottom + 16 + 12 * Double(k), anchor: "middle", size: 10, className: "tick")
            }
        }
        canvas.close()
        canvas.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: Palette.axis)
        return canvas.document(title: frame.title, description: description, id: id)
    }

    /// A category label broken at spaces into lines that fit `width` pixels (about 5.5 px a
    /// character at 10 px), at most three.
    static func lines(_ label: String, width: Double) -> [String] {
        let fits = max(6, Int(width / 5.5))
        var lines: [String] = []
        for word in label.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= fits {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return Array(lines.prefix(3))
    }
}
